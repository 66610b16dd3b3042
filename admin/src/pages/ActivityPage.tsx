import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ActivityLog } from '../components/activity/ActivityLog';
import { useActivityPermission } from '../hooks/useActivityPermission';
import { getTranslation } from '../utils/getTranslation';

/** Settings > SCIM User Provisioning > Activity: every SCIM write, failed request and settings change. */
const ActivityPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { isLoading, canReadActivity } = useActivityPermission();

  if (isLoading) return <Page.Loading />;
  if (!canReadActivity) return <Page.NoPermissions />;

  return (
    <Page.Main>
      <Page.Title>{t('activity.pageTitle', 'SCIM activity')}</Page.Title>
      <Layouts.Header
        title={t('activity.title', 'Activity')}
        subtitle={t(
          'activity.subtitle',
          'What your identity provider asked for and what was done, newest first, with every change to these settings.',
        )}
      />
      <Layouts.Content>
        <ActivityLog />
      </Layouts.Content>
    </Page.Main>
  );
};

export default ActivityPage;
