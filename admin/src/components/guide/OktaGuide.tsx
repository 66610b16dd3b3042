import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { EndpointValue } from './EndpointValue';
import { GuideStep, GuideSteps } from './GuideStep';
import { InlineCopyValue } from './InlineCopyValue';
import { StepText } from './StepText';

const UNIQUE_USER_FIELD = 'userName';

export const OktaGuide = ({ endpointUrl }: { endpointUrl: string | null }) => {
  const { formatMessage } = useIntl();
  const title = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  return (
    <GuideSteps>
      <GuideStep
        number={1}
        title={title('guide.okta.create.title', 'Create a SAML 2.0 app integration (skip if you have one)')}
      >
        <StepText
          id={'guide.okta.create.body'}
          defaultMessage={
            'In the Okta Admin Console, go to <b>Applications</b> > <b>Applications</b>, select <b>Create App Integration</b>, choose <b>SAML 2.0</b> and finish the wizard. Okta offers SCIM provisioning on SAML and SWA integrations, not on OpenID Connect ones.'
          }
        />
      </GuideStep>
      <GuideStep number={2} title={title('guide.okta.enable.title', 'Enable SCIM provisioning')}>
        <StepText
          id={'guide.okta.enable.body'}
          defaultMessage={
            "On the integration's <b>General</b> tab, select <b>Edit</b> in <b>App Settings</b>, set <b>Provisioning</b> to <b>SCIM</b> and select <b>Save</b>."
          }
        />
      </GuideStep>
      <GuideStep number={3} title={title('guide.okta.connector.title', 'Enter the connector settings')}>
        <StepText
          id={'guide.okta.connector.baseUrl'}
          defaultMessage={
            'On the <b>Provisioning</b> tab, under <b>Settings</b> > <b>Integration</b>, select <b>Edit</b>. Paste the endpoint URL into <b>SCIM connector base URL</b>:'
          }
        />
        <EndpointValue endpointUrl={endpointUrl} />
        <StepText
          id={'guide.okta.connector.uniqueId'}
          defaultMessage={'Enter this in <b>Unique identifier field for users</b>:'}
        />
        <InlineCopyValue
          value={UNIQUE_USER_FIELD}
          copyLabel={formatMessage(
            { id: getTranslation('guide.endpoint.copy'), defaultMessage: 'Copy {value}' },
            { value: UNIQUE_USER_FIELD },
          )}
        />
        <StepText
          id={'guide.okta.connector.actions'}
          defaultMessage={
            'Under <b>Supported provisioning actions</b>, select <b>Import New Users and Profile Updates</b>, <b>Push New Users</b>, <b>Push Profile Updates</b> and <b>Push Groups</b>.'
          }
        />
      </GuideStep>
      <GuideStep number={4} title={title('guide.okta.auth.title', 'Authenticate with a secret')}>
        <StepText
          id={'guide.okta.auth.body'}
          defaultMessage={
            'Set <b>Authentication Mode</b> to <b>HTTP Header</b> and paste a secret into <b>Authorization</b>. No secret yet? <generalPage>Create one on the General page</generalPage>. Okta may send the secret without the <code>Bearer</code> prefix; the plugin accepts it either way.'
          }
        />
      </GuideStep>
      <GuideStep number={5} title={title('guide.okta.test.title', 'Test the connector')}>
        <StepText
          id={'guide.okta.test.body'}
          defaultMessage={
            'Select <b>Test Connector Configuration</b>. If it fails, check that provisioning is enabled and that the whole secret was pasted. Then select <b>Save</b>.'
          }
        />
      </GuideStep>
      <GuideStep number={6} title={title('guide.okta.toApp.title', 'Choose what Okta provisions')}>
        <StepText
          id={'guide.okta.toApp.body'}
          defaultMessage={
            'On the <b>Provisioning</b> tab, open <b>To App</b>, select <b>Edit</b>, enable <b>Create Users</b>, <b>Update User Attributes</b> and <b>Deactivate Users</b>, and select <b>Save</b>.'
          }
        />
      </GuideStep>
      <GuideStep number={7} title={title('guide.okta.assign.title', 'Assign people and push groups')}>
        <StepText
          id={'guide.okta.assign.body'}
          defaultMessage={
            'On the <b>Assignments</b> tab, assign the people and groups who should get a Strapi account. On the <b>Push Groups</b> tab, choose the groups whose membership Okta should keep up to date.'
          }
        />
      </GuideStep>
    </GuideSteps>
  );
};
