import { SettingsPageGate } from '../components/common/SettingsPageGate';
import { useScimPermissions } from './useScimPermissions';
import { useScimSettings } from './useScimSettings';

/**
 * What a page built on the settings needs: the viewer's permissions, the settings and their actions, and `gate`, the
 * element to show instead of the page while the settings cannot be shown (null once they can).
 */
export const useSettingsPage = () => {
  const permissions = useScimPermissions();
  const settingsState = useScimSettings(permissions.canReadSettings);
  const failed = settingsState.status === 'error';
  const ready = !permissions.isLoading && permissions.canReadSettings && !failed && settingsState.settings !== null;
  const gate = ready ? null : (
    <SettingsPageGate
      permissionsLoading={permissions.isLoading}
      canReadSettings={permissions.canReadSettings}
      failed={failed}
      reload={settingsState.reload}
    />
  );
  return { permissions, ...settingsState, gate };
};
