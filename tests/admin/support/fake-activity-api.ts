import { useAuth, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { ActivityEntryResponse, ProductionJobResponse } from '../../../server/src/contracts';

export const entry = (overrides: Partial<ActivityEntryResponse> & { id: number }): ActivityEntryResponse => ({
  createdAt: '2025-03-04T10:15:30.000Z',
  method: 'POST',
  resourceType: 'User',
  resourceId: `a1b2c3d4-0000-4000-8000-${String(overrides.id).padStart(12, '0')}`,
  resourceName: `user${overrides.id}@example.com`,
  operation: 'create',
  outcome: 'success',
  status: 201,
  mode: 'test',
  quirks: [],
  changes: [],
  hostAction: null,
  detail: null,
  actor: null,
  clientKey: null,
  count: null,
  ...overrides,
});

/** An Entra ID update of Ada, in test mode, that used two of Entra's dialects. */
export const adaPatch = entry({
  id: 100,
  createdAt: '2025-03-05T09:30:15.000Z',
  method: 'PATCH',
  operation: 'patch',
  resourceId: '5f0c1e2d-3333-4444-8555-666677778888',
  resourceName: 'ada@example.com',
  status: 200,
  quirks: ['boolean-as-string', 'patch-op-any-case', 'some-retired-quirk'],
  changes: ['active', 'name.givenName'],
  hostAction: 'test mode: would update admin user 12',
});

export const duplicateFailure = entry({
  id: 99,
  createdAt: '2025-03-05T09:00:00.000Z',
  resourceName: null,
  resourceId: null,
  outcome: 'failure',
  status: 409,
  mode: 'production',
  detail: 'A user with userName "bob@example.com" already exists',
});

/** 37 requests from one address in one minute refused for a wrong secret: one entry with a count. */
export const refusedRequests = entry({
  id: 97,
  createdAt: '2025-03-05T07:00:00.000Z',
  method: 'GET',
  operation: 'read',
  resourceId: null,
  resourceName: null,
  outcome: 'failure',
  status: 401,
  detail: 'Authentication failed: send a valid SCIM secret as "Authorization: Bearer <secret>"',
  clientKey: '198.51.100.7',
  count: 37,
});

export const settingsChange = entry({
  id: 98,
  createdAt: '2025-03-05T08:00:00.000Z',
  method: 'PUT',
  operation: 'update',
  resourceType: 'Settings',
  resourceId: null,
  resourceName: null,
  status: 200,
  mode: null,
  changes: ['productionMode'],
  detail: 'production mode on',
  actor: 'admin@example.com',
});

/** The entry a production job records when it ends. */
export const jobFinished = entry({
  id: 96,
  createdAt: '2025-03-05T06:00:00.000Z',
  method: 'SYSTEM',
  operation: 'job-finished',
  resourceType: 'Settings',
  resourceId: 'job-4',
  resourceName: 'production-switch',
  status: 200,
  mode: 'production',
  actor: 'admin@example.com',
  detail: '250 of 250 users processed: 249 applied, 1 not applied',
});

export const finishedJob: ProductionJobResponse = {
  id: 4,
  kind: 'production-switch',
  status: 'finished',
  requestedBy: 'admin@example.com',
  total: 250,
  processed: 250,
  applied: 249,
  notApplied: 1,
  notAppliedUsers: [{ id: 'u-1', userName: 'taken@example.com', reason: 'The email is held by another admin user' }],
  createdAt: '2025-03-05T05:59:00.000Z',
  startedAt: '2025-03-05T05:59:01.000Z',
  finishedAt: '2025-03-05T06:00:00.000Z',
};

/** Newest first, like the API: the three above, then `count` older user creations. */
export const activityLog = (count: number) => [
  adaPatch,
  duplicateFailure,
  settingsChange,
  ...Array.from({ length: count }, (_, index) =>
    entry({ id: count - index, createdAt: new Date(Date.UTC(2025, 2, 1, 12, 0, count - index)).toISOString() }),
  ),
];

interface FakeActivityOptions {
  entries?: ActivityEntryResponse[];
  canReadActivity?: boolean;
  canReadSettings?: boolean;
  failLoad?: boolean;
  /** What `GET /scim/production-jobs/:id` answers; any other id is a 404. */
  jobs?: ProductionJobResponse[];
}

/** A fake `GET /scim/activity` that filters and pages `entries` as the server does, plus the RBAC answers. */
export const setUpFakeActivity = (options: FakeActivityOptions = {}) => {
  const state = { entries: [...(options.entries ?? [])], failLoad: options.failLoad ?? false };

  const list = (url: string) => {
    const query = new URL(url, 'http://admin.test').searchParams;
    const page = Number(query.get('page') ?? 1);
    const pageSize = Number(query.get('pageSize') ?? 25);
    const search = query.get('search')?.toLowerCase();
    const from = query.get('from');
    const to = query.get('to');
    const matching = state.entries.filter(
      (item) =>
        (['outcome', 'resourceType', 'mode'] as const).every(
          (key) => !query.has(key) || item[key] === query.get(key),
        ) &&
        (!search || item.resourceId === search || Boolean(item.resourceName?.toLowerCase().includes(search))) &&
        (!from || item.createdAt >= from) &&
        (!to || item.createdAt < to),
    );
    return {
      results: matching.slice((page - 1) * pageSize, page * pageSize),
      pagination: { page, pageSize, total: matching.length, pageCount: Math.ceil(matching.length / pageSize) },
    };
  };

  const client = {
    get: jest.fn((url: string, _options?: { responseType?: string }) => {
      const jobId = /^\/scim\/production-jobs\/(\d+)$/.exec(url)?.[1];
      if (jobId !== undefined) {
        const job = options.jobs?.find((candidate) => candidate.id === Number(jobId));
        return job ? Promise.resolve({ data: { data: job } }) : Promise.reject(new Error('Not Found'));
      }
      if (url.startsWith('/scim/activity/export?')) {
        return Promise.resolve({ data: new Blob(['createdAt\n'], { type: 'text/csv' }) });
      }
      if (!url.startsWith('/scim/activity?')) return Promise.reject(new Error(`Unexpected GET ${url}`));
      if (state.failLoad) return Promise.reject(new Error('Internal Server Error'));
      return Promise.resolve({ data: { data: list(url) } });
    }),
  };

  (useFetchClient as jest.Mock).mockReturnValue(client);
  (useNotification as jest.Mock).mockReturnValue({ toggleNotification: jest.fn() });
  const granted = [
    (options.canReadActivity ?? true) && 'plugin::scim.activity.read',
    (options.canReadSettings ?? true) && 'plugin::scim.settings.read',
  ].filter((action): action is string => Boolean(action));
  const auth = { isLoading: false, permissions: granted.map((action) => ({ action, subject: null })) };
  (useAuth as jest.Mock).mockImplementation((_consumer: string, select: (value: typeof auth) => unknown) =>
    select(auth),
  );

  /** The queries the page asked for, as parsed objects, in order. */
  const queries = () =>
    client.get.mock.calls
      .filter(([url]) => url.startsWith('/scim/activity?'))
      .map(([url]) => Object.fromEntries(new URL(url, 'http://admin.test').searchParams.entries()));

  return { client, state, queries };
};
