import { useAuth, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  CreatedSecretResponse,
  ProvisionedGroupResponse,
  SecretSummaryResponse,
  ConnectionTestResponse,
  InvitationsResponse,
  SettingsResponse,
  SetupStatusResponse,
} from '../../../server/src/contracts';

export const ENDPOINT_URL = 'http://localhost:1337/api/scim/v2/0b7f3c1e-1111-4222-8333-944455556666';
export const NEW_ENDPOINT_URL = 'http://localhost:1337/api/scim/v2/5d2a9e7f-aaaa-4bbb-8ccc-dddddddddddd';
export const CREATED_SECRET = 'scim_Zq3xFv9Lw2Yp8Rt5Ns1Km4Jh7Gd0Cb6Vx2Az9QeTuWs';
export const REVEALED_SECRET = 'scim_RevealedRevealedRevealedRevealedRevealedAb12';

export const ROLES = [
  { id: 1, name: 'Super Admin', code: 'strapi-super-admin' },
  { id: 2, name: 'Editor', code: 'strapi-editor' },
  { id: 3, name: 'Author', code: 'strapi-author' },
];

export const baseSettings = (overrides: Partial<SettingsResponse> = {}): SettingsResponse => ({
  enabled: true,
  productionMode: false,
  defaultRoleId: 3,
  endpointId: '0b7f3c1e-1111-4222-8333-944455556666',
  endpointUrl: ENDPOINT_URL,
  roles: ROLES,
  groupRoleMappings: [],
  appRoleMatch: 'off',
  appRoleMappings: [],
  attributeMappings: [],
  provisioned: { users: 3, groups: 2, appliedUsers: 0 },
  roleChangeJobThreshold: 100,
  productionJob: null,
  hostUserGrant: { allowed: true, permission: 'admin::users.create', permissionLabel: 'Users: Create' },
  allowSecretReveal: true,
  invitationsEnabled: true,
  ...overrides,
});

/** The expiry the fake API gives a rotated secret. */
export const ROTATED_UNTIL = '2099-01-02T12:00:00.000Z';

export const revealableSecret: SecretSummaryResponse = {
  id: 7,
  label: 'Entra ID production',
  hint: 'Ab12',
  createdAt: '2025-01-15T10:00:00.000Z',
  lastUsedAt: null,
  expiresAt: null,
  expired: false,
  revealable: true,
  quirksSeen: [],
};

export const onceOnlySecret: SecretSummaryResponse = {
  id: 8,
  label: null,
  hint: 'Zz99',
  createdAt: '2025-02-01T08:30:00.000Z',
  lastUsedAt: '2025-02-02T09:15:00.000Z',
  expiresAt: null,
  expired: false,
  revealable: false,
  quirksSeen: [],
};

export const expiringSecret: SecretSummaryResponse = {
  ...revealableSecret,
  id: 9,
  label: 'Okta pilot',
  hint: 'Ex01',
  expiresAt: '2099-12-31T12:00:00.000Z',
};

export const expiredSecret: SecretSummaryResponse = {
  ...revealableSecret,
  id: 10,
  label: 'Old Entra ID',
  hint: 'Ex02',
  expiresAt: '2025-01-31T12:00:00.000Z',
  expired: true,
};

interface FakeAdminOptions {
  settings?: Partial<SettingsResponse>;
  secrets?: SecretSummaryResponse[];
  canUpdate?: boolean;
  canManage?: boolean;
  canRead?: boolean;
  /** Whether secrets created through the fake API can be revealed again (an encryption key is configured). */
  createRevealable?: boolean;
  failSettingsLoad?: boolean;
  failSettingsUpdate?: boolean;
  /** The provisioned groups `GET /scim/groups` lists; a PUT mapping any other group id is refused, as the API does. */
  groups?: ProvisionedGroupResponse[];
  failGroupsLoad?: boolean;
  /** What `GET /scim/setup-status` answers; by default a finished setup in production. */
  setupStatus?: Partial<SetupStatusResponse>;
  /** What `POST /scim/settings/test-connection` answers. */
  connectionTest?: ConnectionTestResponse;
  /** What `GET /scim/invitations` answers; by default a provider and nobody waiting to register. */
  invitations?: Partial<InvitationsResponse>;
}

export const baseInvitations = (overrides: Partial<InvitationsResponse> = {}): InvitationsResponse => ({
  target: 'admin',
  emailProvider: 'nodemailer',
  enabled: true,
  total: 0,
  pending: [],
  linksShown: true,
  ...overrides,
});

export const baseSetupStatus = (overrides: Partial<SetupStatusResponse> = {}): SetupStatusResponse => ({
  enabled: true,
  secretExists: true,
  firstRequestAt: '2025-03-01T12:00:00.000Z',
  lastRequestAt: '2025-03-02T12:00:00.000Z',
  failedRequestsLast24h: 0,
  mode: 'production',
  notApplied: null,
  ...overrides,
});

const respond = <T>(data: T) => Promise.resolve({ data: { data } });

/** `GET /scim/groups` as the server answers it: a case-insensitive displayName prefix, paged. */
const listGroups = (groups: ProvisionedGroupResponse[], url: string) => {
  const query = new URL(url, 'http://admin.test').searchParams;
  const search = (query.get('search') ?? '').toLowerCase();
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 50);
  const matching = groups.filter((group) => group.displayName.toLowerCase().startsWith(search));
  return {
    results: matching.slice((page - 1) * pageSize, page * pageSize),
    pagination: { page, pageSize, total: matching.length },
  };
};

/** The API's check of a new mapping list: every group must exist and Super Admin cannot be handed out. */
const mappingError = (mappings: SettingsResponse['groupRoleMappings'], groups: ProvisionedGroupResponse[]) => {
  for (const [index, mapping] of mappings.entries()) {
    if (!groups.some((group) => group.id === mapping.groupId)) {
      return `groupRoleMappings.${index}.groupId: no provisioned group with id ${mapping.groupId}`;
    }
    if (mapping.roleId === 1) return `groupRoleMappings.${index}.roleId: SCIM cannot hand out the role "Super Admin"`;
  }
  return undefined;
};

/** A fake admin API behind the mocked `useFetchClient`, plus the admin's permissions and a spy for notifications. */
export const setUpFakeAdmin = (options: FakeAdminOptions = {}) => {
  const state = {
    settings: baseSettings(options.settings),
    secrets: [...(options.secrets ?? [])],
    groups: [...(options.groups ?? [])],
    setupStatus: baseSetupStatus(options.setupStatus),
    invitations: baseInvitations(options.invitations),
  };
  let failSettingsLoad = options.failSettingsLoad ?? false;

  const client = {
    get: jest.fn((url: string): Promise<{ data: { data: unknown } }> => {
      if (url === '/scim/settings') {
        return failSettingsLoad ? Promise.reject(new Error('Internal Server Error')) : respond(state.settings);
      }
      if (url === '/scim/secrets') return respond(state.secrets);
      if (url === '/scim/setup-status') return respond(state.setupStatus);
      if (url === '/scim/invitations') return respond(state.invitations);
      if (url.startsWith('/scim/groups?')) {
        return options.failGroupsLoad
          ? Promise.reject(new Error('Internal Server Error'))
          : respond(listGroups(state.groups, url));
      }
      const reveal = url.match(/^\/scim\/secrets\/(\d+)\/reveal$/);
      if (reveal) return respond({ id: Number(reveal[1]), secret: REVEALED_SECRET });
      return Promise.reject(new Error(`Unexpected GET ${url}`));
    }),
    put: jest.fn((url: string, body: Partial<SettingsResponse> & { label?: string | null }) => {
      const secretId = url.match(/^\/scim\/secrets\/(\d+)$/)?.[1];
      if (secretId) {
        state.secrets = state.secrets.map((row) =>
          row.id === Number(secretId) ? { ...row, label: body.label ?? null } : row,
        );
        return respond(state.secrets.find((row) => row.id === Number(secretId)));
      }
      if (options.failSettingsUpdate)
        return Promise.reject(new Error('defaultRoleId: the Super Admin role cannot be the default role'));
      const invalid = body.groupRoleMappings && mappingError(body.groupRoleMappings, state.groups);
      if (invalid) return Promise.reject(new Error(invalid));
      state.settings = { ...state.settings, ...body };
      return respond(state.settings);
    }),
    post: jest.fn((url: string, body?: { label?: string; expiresAt?: string; graceHours?: number }) => {
      if (url === '/scim/settings/regenerate-endpoint') {
        state.settings = { ...state.settings, endpointUrl: NEW_ENDPOINT_URL };
        return respond(state.settings);
      }
      if (url === '/scim/settings/test-connection') {
        return options.connectionTest
          ? respond(options.connectionTest)
          : Promise.reject(new Error('Internal Server Error'));
      }
      const resent = /^\/scim\/invitations\/([^/]+)\/resend$/.exec(url)?.[1];
      if (resent) {
        const row = state.invitations.pending.find((pending) => pending.scimId === decodeURIComponent(resent));
        return row
          ? respond({ sent: true, email: row.email })
          : Promise.reject(new Error('There is no registration link to send'));
      }
      const rotated = url.match(/^\/scim\/secrets\/(\d+)\/rotate$/)?.[1];
      if (url === '/scim/secrets' || rotated) {
        const created: CreatedSecretResponse = {
          id: 42,
          label: body?.label ?? null,
          hint: CREATED_SECRET.slice(-4),
          createdAt: '2025-03-01T12:00:00.000Z',
          lastUsedAt: null,
          expiresAt: body?.expiresAt ?? null,
          expired: false,
          revealable: options.createRevealable ?? false,
          quirksSeen: [],
          secret: CREATED_SECRET,
        };
        if (!rotated) return respond(created);
        const old = state.secrets.find((row) => row.id === Number(rotated));
        if (!old) return Promise.reject(new Error('No secret with this id'));
        const replaced = { ...old, expiresAt: ROTATED_UNTIL };
        return respond({ secret: { ...created, label: body?.label ?? old.label }, replaced });
      }
      return Promise.reject(new Error(`Unexpected POST ${url}`));
    }),
    del: jest.fn(() => Promise.resolve({ data: undefined, status: 204 })),
  };
  const toggleNotification = jest.fn();

  (useFetchClient as jest.Mock).mockReturnValue(client);
  (useNotification as jest.Mock).mockReturnValue({ toggleNotification });
  const granted = [
    options.canRead !== false && 'plugin::scim.settings.read',
    options.canUpdate !== false && 'plugin::scim.settings.update',
    options.canManage !== false && 'plugin::scim.secrets.manage',
  ].filter((action): action is string => Boolean(action));
  const auth = { isLoading: false, permissions: granted.map((action) => ({ action, subject: null })) };
  (useAuth as jest.Mock).mockImplementation((_consumer: string, select: (value: typeof auth) => unknown) =>
    select(auth),
  );

  return {
    client,
    toggleNotification,
    state,
    recoverSettingsLoad: () => {
      failSettingsLoad = false;
    },
  };
};

/** Call after `userEvent.setup()`, which installs its own clipboard stub. */
export const mockClipboard = () => {
  const writeText = jest.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
};
