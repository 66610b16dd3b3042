import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ActivityLog } from '../components/activity/ActivityLog';
import { PluginPage } from '../components/common/PluginPage';
import { useActivityPermission } from '../hooks/useActivityPermission';
import { getTranslation } from '../utils/getTranslation';

/** Settings > SCIM User Provisioning > Activity: every SCIM write, failed request and settings change. */
const ActivityPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { isLoading, canReadActivity } = useActivityPermission();

  if (isLoading) return <Page.Loading />;
  if (!canReadActivity) return <Page.NoPermissions />;

  const subtitle = t(
    'activity.subtitle',
    'What your identity provider asked for and what was done, newest first, with every change to these settings.',
  );
  return (
    <PluginPage
      pageTitle={t('activity.pageTitle', 'SCIM activity')}
      title={t('activity.title', 'Activity')}
      subtitle={subtitle}
    >
      <ActivityLog />
    </PluginPage>
  );
};

export default ActivityPage;
