import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { EndpointValue } from './EndpointValue';
import { GuideStep, GuideSteps } from './GuideStep';
import { StepText } from './StepText';

/** Microsoft's flag for RFC 7644-compliant PATCH requests; see "Flags to alter the SCIM behavior" in Microsoft's docs. */
const ENTRA_COMPLIANCE_FLAG = '?aadOptscim062020';

export const EntraGuide = ({ endpointUrl }: { endpointUrl: string | null }) => {
  const { formatMessage } = useIntl();
  const title = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  return (
    <GuideSteps>
      <GuideStep
        number={1}
        title={title('guide.entra.create.title', 'Create an enterprise application (skip if you have one)')}
      >
        <StepText
          id={'guide.entra.create.body'}
          defaultMessage={
            "In the Microsoft Entra admin center, go to <b>Enterprise applications</b>, select <b>New application</b>, then <b>Create your own application</b>. Enter a name, choose <b>Integrate any other application you don't find in the gallery (Non-gallery)</b> and select <b>Create</b>."
          }
        />
      </GuideStep>
      <GuideStep number={2} title={title('guide.entra.automatic.title', 'Turn on automatic provisioning')}>
        <StepText
          id={'guide.entra.automatic.body'}
          defaultMessage={
            'In the application, open <b>Provisioning</b>, select <b>Get started</b> and set <b>Provisioning Mode</b> to <b>Automatic</b>.'
          }
        />
      </GuideStep>
      <GuideStep number={3} title={title('guide.entra.credentials.title', 'Enter the Tenant URL and the Secret Token')}>
        <StepText
          id={'guide.entra.credentials.tenantUrl'}
          defaultMessage={'Under <b>Admin Credentials</b>, paste the endpoint URL into <b>Tenant URL</b>:'}
        />
        <EndpointValue endpointUrl={endpointUrl} />
        <StepText
          id={'guide.entra.credentials.flag'}
          defaultMessage={
            "Recommended: append Microsoft's feature flag <code>?aadOptscim062020</code> to the Tenant URL. With it, Entra ID sends PATCH requests that follow the SCIM standard (RFC 7644), for example when it removes group members. The plugin understands both forms."
          }
        />
        <EndpointValue endpointUrl={endpointUrl} suffix={ENTRA_COMPLIANCE_FLAG} />
        <StepText
          id={'guide.entra.credentials.secret'}
          defaultMessage={
            'Paste a secret into <b>Secret Token</b>. No secret yet? <generalPage>Create one on the General page</generalPage>.'
          }
        />
      </GuideStep>
      <GuideStep number={4} title={title('guide.entra.test.title', 'Test the connection')}>
        <StepText
          id={'guide.entra.test.body'}
          defaultMessage={
            'Select <b>Test Connection</b>. If it fails, check that provisioning is enabled and that the whole secret was pasted. Then select <b>Save</b>.'
          }
        />
      </GuideStep>
      <GuideStep number={5} title={title('guide.entra.mappings.title', 'Review the attribute mappings')}>
        <StepText
          id={'guide.entra.mappings.body'}
          defaultMessage={
            'Under <b>Mappings</b>, open <b>Provision Microsoft Entra ID Users</b> and check that <code>userName</code>, <code>active</code>, <code>emails[type eq "work"].value</code>, <code>name.givenName</code> and <code>name.familyName</code> are mapped; they become the Strapi user. Review <b>Provision Microsoft Entra ID Groups</b> as well.'
          }
        />
      </GuideStep>
      <GuideStep number={6} title={title('guide.entra.start.title', 'Start provisioning')}>
        <StepText
          id={'guide.entra.start.body'}
          defaultMessage={'Under <b>Settings</b>, set <b>Provisioning Status</b> to <b>On</b> and select <b>Save</b>.'}
        />
      </GuideStep>
      <GuideStep number={7} title={title('guide.entra.assign.title', 'Assign users and groups')}>
        <StepText
          id={'guide.entra.assign.body'}
          defaultMessage={
            'In <b>Users and groups</b>, select <b>Add user/group</b> and assign the people and groups who should get a Strapi account. Entra ID provisions them in its next cycle, which can take up to 40 minutes.'
          }
        />
      </GuideStep>
    </GuideSteps>
  );
};
