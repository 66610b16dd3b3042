import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/** A filtered or paged list reads no more rows than the page it returns: the database does the work. */
let app: TestApp;
let endpoint: string;
let secret: string;

const scim = (path: string) => scimRequest(`${endpoint}${path}`, { secret });

/**
 * The row counts every scim_users findMany returned while `work` ran, with the limit it asked the database
 * for. `count` queries are not reads of rows.
 */
const rowsReadFromUsers = async (work: () => Promise<unknown>): Promise<number[]> => {
  const counts: number[] = [];
  const db = app.strapi.db;
  const original = db.query.bind(db);
  db.query = (uid: string) => {
    const repository = original(uid);
    if (uid !== 'plugin::scim.scim-user') return repository;
    return {
      ...repository,
      findMany: async (params: { limit?: number }) => {
        const rows = await repository.findMany(params);
        expect(params.limit).toEqual(expect.any(Number));
        counts.push(rows.length);
        return rows;
      },
    };
  };
  try {
    await work();
  } finally {
    db.query = original;
  }
  return counts;
};

beforeAll(async () => {
  app = await startTestApp();
  const api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret()).secret;
  const service = app.strapi.plugin('scim').service('users');
  for (let index = 0; index < 40; index += 1) {
    await service.create(
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `${index % 2 ? 'odd' : 'even'}-${index}@example.com`,
      },
      { productionMode: false, defaultRoleId: null, groupRoleMappings: [] },
    );
  }
});

afterAll(async () => {
  await stopTestApp(app);
});

it('reads only the page of a filtered list, and counts in the database', async () => {
  let body: { totalResults: number; Resources: unknown[] } = { totalResults: 0, Resources: [] };
  const counts = await rowsReadFromUsers(async () => {
    body = (await scim('/Users?filter=' + encodeURIComponent('userName sw "odd"') + '&count=5')).body;
  });
  expect(body.totalResults).toBe(20);
  expect(body.Resources).toHaveLength(5);
  expect(counts).toEqual([5]);
});

it('reads only the requested page of an unfiltered list, however deep', async () => {
  let body: { totalResults: number; Resources: unknown[]; startIndex: number } = {
    totalResults: 0,
    Resources: [],
    startIndex: 0,
  };
  const counts = await rowsReadFromUsers(async () => {
    body = (await scim('/Users?startIndex=31&count=4')).body;
  });
  expect(body).toMatchObject({ totalResults: 40, startIndex: 31 });
  expect(body.Resources).toHaveLength(4);
  expect(counts).toEqual([4]);
});

it('reads one row for a userName lookup among many users', async () => {
  const counts = await rowsReadFromUsers(() =>
    scim('/Users?filter=' + encodeURIComponent('userName eq "odd-7@example.com"')),
  );
  expect(counts).toEqual([1]);
});

it('answers a lookup whose first page is not full without a count query, and counts when it is', async () => {
  const counted: unknown[] = [];
  const db = app.strapi.db;
  const original = db.query.bind(db);
  db.query = (uid: string) => {
    const repository = original(uid);
    if (uid !== 'plugin::scim.scim-user') return repository;
    return { ...repository, count: (params: unknown) => (counted.push(params), repository.count(params as never)) };
  };
  try {
    const lookup = await scim(`/Users?filter=${encodeURIComponent('userName eq "odd-1@example.com"')}`);
    expect(lookup.body).toMatchObject({ totalResults: 1, itemsPerPage: 1 });
    expect(counted).toHaveLength(0);
    const fullPage = await scim(`/Users?filter=${encodeURIComponent('userName sw "odd"')}&count=5`);
    expect(fullPage.body).toMatchObject({ totalResults: 20, itemsPerPage: 5 });
    expect(counted).toHaveLength(1);
    const laterPage = await scim(`/Users?filter=${encodeURIComponent('userName sw "odd"')}&startIndex=19&count=5`);
    expect(laterPage.body).toMatchObject({ totalResults: 20, itemsPerPage: 2 });
    expect(counted).toHaveLength(2);
  } finally {
    db.query = original;
  }
});

describe('the groups of a user who never joined one', () => {
  const MEMBERSHIP_UID = 'plugin::scim.scim-membership';

  /** How many times `work` read scim_memberships. */
  const membershipReads = async (work: () => Promise<unknown>): Promise<number> => {
    let reads = 0;
    const db = app.strapi.db;
    const original = db.query.bind(db);
    db.query = (uid: string) => {
      const repository = original(uid);
      if (uid !== MEMBERSHIP_UID) return repository;
      return { ...repository, findMany: (params: never) => ((reads += 1), repository.findMany(params)) };
    };
    try {
      await work();
    } finally {
      db.query = original;
    }
    return reads;
  };

  const lookup = async (userName: string) => {
    const { body } = await scim(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
    return (body as { Resources: { id: string; groups: { display: string }[] }[] }).Resources[0];
  };

  const createGroup = (displayName: string, memberId: string) =>
    scimRequest(`${endpoint}/Groups`, {
      secret,
      method: 'POST',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName, members: [{ value: memberId }] },
    });

  it('are not queried until the user joins a group, and are read from then on, also after leaving', async () => {
    let user = await lookup('even-10@example.com');
    expect(await membershipReads(async () => (user = await lookup('even-10@example.com')))).toBe(0);
    expect(user.groups).toEqual([]);

    const group = await createGroup('Readers of groups', user.id);
    expect(group.status).toBe(201);
    expect(await membershipReads(async () => (user = await lookup('even-10@example.com')))).toBe(1);
    expect(user.groups.map((entry) => entry.display)).toEqual(['Readers of groups']);

    const removed = await scimRequest(`${endpoint}/Groups/${(group.body as { id: string }).id}`, {
      secret,
      method: 'PATCH',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'remove', path: `members[value eq "${user.id}"]` }],
      },
    });
    expect(removed.status).toBeLessThan(300);
    expect(await membershipReads(async () => (user = await lookup('even-10@example.com')))).toBe(1);
    expect(user.groups).toEqual([]);
  });

  it('are read for rows stored before the flag existed (null)', async () => {
    const member = await lookup('even-12@example.com');
    const group = await createGroup('Stored before the flag', member.id);
    expect(group.status).toBe(201);
    await app.strapi.db
      .query('plugin::scim.scim-user')
      .updateMany({ where: { scimId: member.id }, data: { hasJoinedGroup: null } });
    const user = await lookup('even-12@example.com');
    expect(user.groups.map((entry) => entry.display)).toEqual(['Stored before the flag']);
  });
});
