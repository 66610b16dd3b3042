import { Button } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import type { ReactElement } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

interface SettingsPageGateProps {
  permissionsLoading: boolean;
  canReadSettings: boolean;
  failed: boolean;
  reload: () => Promise<unknown>;
}

/** What a page built on the settings shows until it can show them: loading, no permission, or the error with Retry. */
export const SettingsPageGate = ({
  permissionsLoading,
  canReadSettings,
  failed,
  reload,
}: SettingsPageGateProps): ReactElement => {
  const { formatMessage } = useIntl();
  if (permissionsLoading) return <Page.Loading />;
  if (!canReadSettings) return <Page.NoPermissions />;
  if (!failed) return <Page.Loading />;
  return (
    <Page.Error
      content={formatMessage({
        id: getTranslation('general.loadError'),
        defaultMessage: 'The SCIM settings could not be loaded.',
      })}
      action={
        <Button onClick={() => void reload()}>
          {formatMessage({ id: getTranslation('retry'), defaultMessage: 'Retry' })}
        </Button>
      }
    />
  );
};
