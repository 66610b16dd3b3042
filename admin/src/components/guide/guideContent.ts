/**
 * The setup guides as data: one step list per identity provider, rendered by IdpGuide. A step holds paragraphs
 * (translation id and English default; <b>, <code>, <generalPage> and <activityPage> are available), the live
 * endpoint URL, or a value to copy.
 */
export type StepBlock =
  | { kind: 'text'; id: string; defaultMessage: string }
  | { kind: 'endpoint'; suffix?: string }
  | { kind: 'copy'; value: string };

export interface GuideStepContent {
  title: { id: string; defaultMessage: string };
  blocks: StepBlock[];
}

/** A problem the identity provider shows, and its fix. */
export interface CommonError {
  problem: { id: string; defaultMessage: string };
  fix: { id: string; defaultMessage: string };
}

export interface IdpGuideContent {
  steps: GuideStepContent[];
  errors: CommonError[];
}

const text = (id: string, defaultMessage: string): StepBlock => ({ kind: 'text', id, defaultMessage });
const step = (id: string, defaultMessage: string, ...blocks: StepBlock[]): GuideStepContent => ({
  title: { id, defaultMessage },
  blocks,
});
const error = (id: string, problem: string, fix: string): CommonError => ({
  problem: { id: `${id}.problem`, defaultMessage: problem },
  fix: { id: `${id}.fix`, defaultMessage: fix },
});

/** Microsoft's flag for RFC 7644-compliant PATCH requests; see "Flags to alter the SCIM behavior" in Microsoft's docs. */
const ENTRA_COMPLIANCE_FLAG = '?aadOptscim062020';

/** The journey's end, the same for every identity provider: check in test mode, then production. */
const checkActivity = step(
  'guide.journey.activity.title',
  'Check the test user in Activity',
  text(
    'guide.journey.activity.body',
    'Open <activityPage>Activity</activityPage>: the user is there with what test mode would do in Strapi (create or link the user, its role). If it failed, its entry says why; fix that and provision the user again.',
  ),
);
const switchToProduction = step(
  'guide.journey.production.title',
  'Switch to production',
  text(
    'guide.journey.production.body',
    'On <generalPage>the General page</generalPage>, switch <b>Production mode</b> on. Everything received so far is applied to Strapi, and from then on each change is applied as it arrives.',
  ),
);

const SHARED_ERRORS: CommonError[] = [
  error(
    'guide.errors.unauthorized',
    'The test fails with 401 (Unauthorized, invalid credentials)',
    'The secret is missing, cut short, expired or deleted. Paste the whole secret again, or <generalPage>create a new one on the General page</generalPage>.',
  ),
  error(
    'guide.errors.notFound',
    'The test or every request fails with 404 (Not Found)',
    'The endpoint URL was regenerated or not copied whole. Copy it from <generalPage>the General page</generalPage> again and paste it as it is.',
  ),
  error(
    'guide.errors.disabled',
    'The test or every request fails with 503 (Service Unavailable)',
    'Provisioning is disabled: select <b>Enable</b> on <generalPage>the General page</generalPage>.',
  ),
  error(
    'guide.errors.unreachable',
    'The test times out, or fails on TLS or the certificate',
    'The endpoint must be reachable from the internet over https, with a certificate from a public authority. Use <b>Test connection</b> on <generalPage>the General page</generalPage>, and set <code>url</code> in <code>config/server</code> to the public address.',
  ),
  error(
    'guide.errors.testMode',
    'Users show as provisioned, but Strapi has no such users',
    'Production mode is off: in test mode nothing is applied. Check <activityPage>Activity</activityPage>, then switch to production on <generalPage>the General page</generalPage>.',
  ),
  error(
    'guide.errors.conflict',
    'A user fails with 409 (Conflict, uniqueness)',
    'A Strapi user not created by SCIM already has that email, or another provisioned user holds it. Remove or rename that Strapi user, or set <code>linkExistingUsers: true</code> so that SCIM takes it over.',
  ),
];

export const ENTRA_GUIDE: IdpGuideContent = {
  steps: [
    step(
      'guide.entra.create.title',
      'Create an enterprise application (skip if you have one)',
      text(
        'guide.entra.create.body',
        "In the Microsoft Entra admin center, go to <b>Enterprise applications</b>, select <b>New application</b>, then <b>Create your own application</b>. Enter a name, choose <b>Integrate any other application you don't find in the gallery (Non-gallery)</b> and select <b>Create</b>.",
      ),
    ),
    step(
      'guide.entra.automatic.title',
      'Turn on automatic provisioning',
      text(
        'guide.entra.automatic.body',
        'In the application, open <b>Provisioning</b>, select <b>Get started</b> and set <b>Provisioning Mode</b> to <b>Automatic</b>.',
      ),
    ),
    step(
      'guide.entra.credentials.title',
      'Enter the Tenant URL and the Secret Token',
      text(
        'guide.entra.credentials.tenantUrl',
        'Under <b>Admin Credentials</b>, paste the endpoint URL into <b>Tenant URL</b>:',
      ),
      { kind: 'endpoint' },
      text(
        'guide.entra.credentials.flag',
        "Recommended: append Microsoft's feature flag <code>?aadOptscim062020</code> to the Tenant URL. With it, Entra ID sends PATCH requests that follow the SCIM standard (RFC 7644), for example when it removes group members. The plugin understands both forms.",
      ),
      { kind: 'endpoint', suffix: ENTRA_COMPLIANCE_FLAG },
      text(
        'guide.entra.credentials.secret',
        'Paste a secret into <b>Secret Token</b>. No secret yet? <generalPage>Create one on the General page</generalPage>.',
      ),
    ),
    step(
      'guide.entra.test.title',
      'Test the connection',
      text(
        'guide.entra.test.body',
        'Select <b>Test Connection</b>. If it fails, check that provisioning is enabled and that the whole secret was pasted. Then select <b>Save</b>.',
      ),
    ),
    step(
      'guide.entra.mappings.title',
      'Review the attribute mappings',
      text(
        'guide.entra.mappings.body',
        'Under <b>Mappings</b>, open <b>Provision Microsoft Entra ID Users</b> and check that <code>userName</code>, <code>active</code>, <code>emails[type eq "work"].value</code>, <code>name.givenName</code> and <code>name.familyName</code> are mapped; they become the Strapi user. Review <b>Provision Microsoft Entra ID Groups</b> as well.',
      ),
    ),
    step(
      'guide.entra.onDemand.title',
      'Provision one test user first',
      text(
        'guide.entra.onDemand.body',
        "In <b>Users and groups</b>, assign one test user. Then in <b>Provisioning</b>, select <b>Provision on demand</b>, search for that user and select <b>Provision</b>. Entra ID shows each step and the plugin's answer at once, without waiting for a cycle.",
      ),
    ),
    checkActivity,
    switchToProduction,
    step(
      'guide.entra.start.title',
      'Start provisioning',
      text(
        'guide.entra.start.body',
        'Under <b>Settings</b>, set <b>Provisioning Status</b> to <b>On</b> and select <b>Save</b>.',
      ),
    ),
    step(
      'guide.entra.assign.title',
      'Assign everyone',
      text(
        'guide.entra.assign.body',
        'In <b>Users and groups</b>, select <b>Add user/group</b> and assign the people and groups who should get a Strapi account. Entra ID provisions them in its next cycle, which can take up to 40 minutes.',
      ),
    ),
  ],
  errors: SHARED_ERRORS,
};

const UNIQUE_USER_FIELD = 'userName';

export const OKTA_GUIDE: IdpGuideContent = {
  steps: [
    step(
      'guide.okta.create.title',
      'Create a SAML 2.0 app integration (skip if you have one)',
      text(
        'guide.okta.create.body',
        'In the Okta Admin Console, go to <b>Applications</b> > <b>Applications</b>, select <b>Create App Integration</b>, choose <b>SAML 2.0</b> and finish the wizard. Okta offers SCIM provisioning on SAML and SWA integrations, not on OpenID Connect ones.',
      ),
    ),
    step(
      'guide.okta.enable.title',
      'Enable SCIM provisioning',
      text(
        'guide.okta.enable.body',
        "On the integration's <b>General</b> tab, select <b>Edit</b> in <b>App Settings</b>, set <b>Provisioning</b> to <b>SCIM</b> and select <b>Save</b>.",
      ),
    ),
    step(
      'guide.okta.connector.title',
      'Enter the connector settings',
      text(
        'guide.okta.connector.baseUrl',
        'On the <b>Provisioning</b> tab, under <b>Settings</b> > <b>Integration</b>, select <b>Edit</b>. Paste the endpoint URL into <b>SCIM connector base URL</b>:',
      ),
      { kind: 'endpoint' },
      text('guide.okta.connector.uniqueId', 'Enter this in <b>Unique identifier field for users</b>:'),
      { kind: 'copy', value: UNIQUE_USER_FIELD },
      text(
        'guide.okta.connector.actions',
        'Under <b>Supported provisioning actions</b>, select <b>Import New Users and Profile Updates</b>, <b>Push New Users</b>, <b>Push Profile Updates</b> and <b>Push Groups</b>.',
      ),
    ),
    step(
      'guide.okta.auth.title',
      'Authenticate with a secret',
      text(
        'guide.okta.auth.body',
        'Set <b>Authentication Mode</b> to <b>HTTP Header</b> and paste a secret into <b>Authorization</b>. No secret yet? <generalPage>Create one on the General page</generalPage>. Okta may send the secret without the <code>Bearer</code> prefix; the plugin accepts it either way.',
      ),
    ),
    step(
      'guide.okta.test.title',
      'Test the connector',
      text(
        'guide.okta.test.body',
        'Select <b>Test Connector Configuration</b>. If it fails, check that provisioning is enabled and that the whole secret was pasted. Then select <b>Save</b>.',
      ),
    ),
    step(
      'guide.okta.toApp.title',
      'Choose what Okta provisions',
      text(
        'guide.okta.toApp.body',
        'On the <b>Provisioning</b> tab, open <b>To App</b>, select <b>Edit</b>, enable <b>Create Users</b>, <b>Update User Attributes</b> and <b>Deactivate Users</b>, and select <b>Save</b>.',
      ),
    ),
    step(
      'guide.okta.testUser.title',
      'Assign one test user first',
      text(
        'guide.okta.testUser.body',
        'On the <b>Assignments</b> tab, assign one person: Okta pushes the user at once. To try a group, add it on the <b>Push Groups</b> tab and select <b>Push now</b>.',
      ),
    ),
    checkActivity,
    switchToProduction,
    step(
      'guide.okta.assign.title',
      'Assign everyone and push groups',
      text(
        'guide.okta.assign.body',
        'On the <b>Assignments</b> tab, assign the people and groups who should get a Strapi account. On the <b>Push Groups</b> tab, choose the groups whose membership Okta should keep up to date.',
      ),
    ),
  ],
  errors: [
    ...SHARED_ERRORS,
    error(
      'guide.errors.oktaNoResults',
      'Okta\'s test shows "No results for users returned"',
      'Something other than the SCIM endpoint answered: paste the endpoint URL exactly as <generalPage>the General page</generalPage> shows it.',
    ),
  ],
};
