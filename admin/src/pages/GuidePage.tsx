import { Box, Tabs } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { PluginPage } from '../components/common/PluginPage';
import { ENTRA_GUIDE, OKTA_GUIDE } from '../components/guide/guideContent';
import { IdpGuide } from '../components/guide/IdpGuide';
import { useSettingsPage } from '../hooks/useSettingsPage';
import { getTranslation } from '../utils/getTranslation';

/** Settings > SCIM User Provisioning > SCIM Guide: step-by-step setup for Microsoft Entra ID and Okta. */
const GuidePage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { settings, gate } = useSettingsPage();
  if (gate !== null || settings === null) return gate;

  return (
    <PluginPage
      pageTitle={t('guide.pageTitle', 'SCIM Guide')}
      title={t('guide.title', 'SCIM Guide')}
      subtitle={t('guide.subtitle', 'Connect your identity provider to this app, step by step.')}
    >
      <Tabs.Root defaultValue="entra" variant="simple">
        <Tabs.List aria-label={t('guide.tabs', 'Identity providers')}>
          <Tabs.Trigger value="entra">{t('guide.tab.entra', 'Microsoft Entra ID')}</Tabs.Trigger>
          <Tabs.Trigger value="okta">{t('guide.tab.okta', 'Okta')}</Tabs.Trigger>
        </Tabs.List>
        <Box background="neutral0" padding={8} shadow="filterShadow" hasRadius marginTop={4}>
          <Tabs.Content value="entra">
            <IdpGuide guide={ENTRA_GUIDE} endpointUrl={settings.endpointUrl} />
          </Tabs.Content>
          <Tabs.Content value="okta">
            <IdpGuide guide={OKTA_GUIDE} endpointUrl={settings.endpointUrl} />
          </Tabs.Content>
        </Box>
      </Tabs.Root>
    </PluginPage>
  );
};

export default GuidePage;
