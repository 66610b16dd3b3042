import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { SettingsResponse } from '../../../server/src/contracts';
import { PLUGIN_ID } from '../pluginId';

/** First cut of the General page: the status and the endpoint URL. The full page is built in its own issue. */
const GeneralPage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [settings, setSettings] = useState<SettingsResponse | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage });

  useEffect(() => {
    get<{ data: SettingsResponse }>(`/${PLUGIN_ID}/settings`)
      .then((response) => setSettings(response.data.data))
      .catch(() => setFailed(true));
  }, [get]);

  if (failed) return <Page.Error />;
  if (!settings) return <Page.Loading />;

  return (
    <Page.Main>
      <Layouts.Header
        title={t('general.title', 'SCIM User Provisioning')}
        subtitle={t('general.subtitle', "Let Microsoft Entra ID, Okta or any SCIM 2.0 client provision this app's users.")}
        primaryAction={
          <Badge active={settings.enabled}>
            {settings.enabled ? t('general.status.enabled', 'Enabled') : t('general.status.disabled', 'Disabled')}
          </Badge>
        }
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="delta" tag="h2">
              {t('general.endpoint', 'SCIM endpoint')}
            </Typography>
            <Typography>{settings.endpointUrl ?? t('general.endpoint.none', 'Enable provisioning to generate the endpoint URL.')}</Typography>
          </Flex>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default GeneralPage;
