import { useReducer } from 'react';
import { useIntl } from 'react-intl';
import { PluginPage } from '../components/common/PluginPage';
import { GeneralSettings } from '../components/general/GeneralSettings';
import { ProvisioningStatusAction } from '../components/general/ProvisioningStatusAction';
import { SetupStatusSection } from '../components/setup/SetupStatusSection';
import { useSettingsPage } from '../hooks/useSettingsPage';
import { getTranslation } from '../utils/getTranslation';

/** Settings > SCIM User Provisioning > General: status, production mode, endpoint, default role, group role mapping, secrets. */
const GeneralPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { permissions, settings, update, regenerateEndpoint, gate } = useSettingsPage();
  // A created, rotated or deleted secret changes the checklist: it reads the status again.
  const [secretsVersion, secretsChanged] = useReducer((version: number) => version + 1, 0);
  if (gate !== null || settings === null) return gate;

  const subtitle = t(
    'general.subtitle',
    "Let Microsoft Entra ID, Okta or any SCIM 2.0 client provision this app's users.",
  );

  const updateDisabledReason = permissions.canUpdateSettings
    ? undefined
    : t(
        'permissions.updateMissing',
        'Your role can view these settings but not change them: it lacks the "Settings: Update" permission.',
      );
  const grant = settings.hostUserGrant;
  const grantDisabledReason = grant.allowed
    ? undefined
    : formatMessage(
        {
          id: getTranslation('permissions.grantMissing'),
          defaultMessage:
            'Your role cannot create users in Strapi (it lacks the "{permission}" permission), so it cannot change what SCIM hands out: the default role, the group mappings, switching production mode on, enabling in production mode, and creating or copying secrets.',
        },
        { permission: grant.permissionLabel },
      );
  const enableNeedsGrant = !settings.enabled && settings.productionMode;
  const secretsDisabledReason = permissions.canManageSecrets
    ? undefined
    : t(
        'permissions.secretsMissing',
        'Your role cannot see or manage secrets: it lacks the "Secrets: Manage" permission.',
      );

  return (
    <PluginPage
      pageTitle={t('general.pageTitle', 'SCIM User Provisioning')}
      title={t('general.title', 'SCIM User Provisioning')}
      subtitle={subtitle}
      primaryAction={
        <ProvisioningStatusAction
          enabled={settings.enabled}
          disabledReason={updateDisabledReason ?? (enableNeedsGrant ? grantDisabledReason : undefined)}
          onChange={(enabled) =>
            update(
              { enabled },
              enabled
                ? t('notification.enabled', 'Provisioning enabled')
                : t('notification.disabled', 'Provisioning disabled'),
            )
          }
        />
      }
    >
      <SetupStatusSection version={settings} secretsVersion={secretsVersion} />
      <GeneralSettings
        settings={settings}
        canManageSecrets={permissions.canManageSecrets}
        updateDisabledReason={updateDisabledReason}
        grantDisabledReason={grantDisabledReason}
        secretsDisabledReason={secretsDisabledReason}
        onSecretsChanged={secretsChanged}
        update={update}
        regenerateEndpoint={regenerateEndpoint}
      />
    </PluginPage>
  );
};

export default GeneralPage;
