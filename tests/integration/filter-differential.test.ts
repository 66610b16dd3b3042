import fc from 'fast-check';
import { matches, parseFilter, printAttributePath } from '../../server/src/scim/filter';
import { findAttribute } from '../../server/src/scim/schema';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/**
 * The differential test of the filter compiler: for random users and random filters, the rows the compiled
 * where-clause selects from the real database are exactly the users the in-memory evaluator matches. Some
 * attributes without a column are configured in `indexedAttributes`, so filters on them run through the attribute
 * index (tier 2) while the others run through the JSON functions (tier 3).
 */
let app: TestApp;
let users: Record<string, unknown>[];

const WORDS = ['Ann', 'ann', 'ANNA', 'bob', 'Bo', 'carl', 'x_y', 'a%b', 'Zed'];
const EMAILS = ['ann@example.com', 'Ann@Example.org', 'bob@example.com', 'x_y@b.io', 'a%b@c.de'];
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const TYPES = ['work', 'home', 'Work', 'other'];
const INDEXED = [
  `${ENTERPRISE}:employeeNumber`,
  `${ENTERPRISE}:manager`,
  'emails.type',
  'emails.value',
  'emails.primary',
  'title',
];
const resolve = (path: Parameters<typeof printAttributePath>[0]) =>
  findAttribute('User', printAttributePath(path))?.attribute;

const userArbitrary = fc.record({
  displayName: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  externalId: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  givenName: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  familyName: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  active: fc.boolean(),
  emails: fc.array(
    fc.record({
      value: fc.option(fc.constantFrom(...EMAILS), { nil: undefined }),
      type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
      primary: fc.option(fc.boolean(), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  title: fc.option(fc.constantFrom(...WORDS, ''), { nil: undefined }),
  userType: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  phones: fc.array(
    fc.record({ value: fc.constantFrom('+1 555 0100', '+1 555 0199'), type: fc.constantFrom('mobile', 'work') }),
    { maxLength: 2 },
  ),
  enterprise: fc.option(
    fc.record({
      employeeNumber: fc.option(fc.constantFrom('E1', 'e1', 'E2', '701984'), { nil: undefined }),
      department: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
      manager: fc.option(fc.constantFrom('m-1', 'M-1', 'm-2'), { nil: undefined }),
    }),
    { nil: undefined },
  ),
});

const STRING_PATHS = ['userName', 'externalId', 'displayName', 'name.givenName', 'name.familyName'];
const STRING_OPS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];
const literal = fc.constantFrom(...WORDS, 'a', 'N', 'user-1', '');

const comparison: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...STRING_PATHS), fc.constantFrom(...STRING_OPS), literal)
    .map(([path, op, value]) => `${path} ${op} ${JSON.stringify(value)}`),
  fc.constantFrom(...STRING_PATHS).map((path) => `${path} pr`),
  fc.tuple(fc.constantFrom('eq', 'ne'), fc.boolean()).map(([op, value]) => `active ${op} ${value}`),
  fc
    .tuple(
      fc.constantFrom('emails.value', 'emails'),
      fc.constantFrom(...STRING_OPS),
      fc.constantFrom(...EMAILS, 'example', 'ANN', '.com', 'x_y', ''),
    )
    .map(([path, op, value]) => `${path} ${op} ${JSON.stringify(value)}`),
  fc
    .tuple(fc.constantFrom('eq', 'co', 'sw'), fc.constantFrom(...EMAILS, 'example'))
    .map(([op, value]) => `emails[value ${op} ${JSON.stringify(value)}]`),
  fc.constant('emails.value pr'),
  // Attributes without a column: the JSON path of the compiler.
  fc
    .tuple(
      fc.constantFrom('title', 'userType', `${ENTERPRISE}:department`, `${ENTERPRISE}:employeeNumber`),
      fc.constantFrom(...STRING_OPS),
      literal,
    )
    .map(([path, op, value]) => `${path} ${op} ${JSON.stringify(value)}`),
  fc
    .tuple(
      fc.constantFrom('title', 'userType', `${ENTERPRISE}:employeeNumber`, `${ENTERPRISE}:manager`, 'phoneNumbers'),
      fc.constantFrom('pr', 'eq null', 'ne null'),
    )
    .map(([path, test]) => `${path} ${test}`),
  fc
    .tuple(
      fc.constantFrom('emails.type', 'phoneNumbers.type', `${ENTERPRISE}:manager.value`, 'phoneNumbers.value'),
      fc.constantFrom(...STRING_OPS),
      fc.constantFrom(...TYPES, 'mobile', 'm-1', 'M', '+1 555', '0199', ''),
    )
    .map(([path, op, value]) => `${path} ${op} ${JSON.stringify(value)}`),
  fc.tuple(fc.constantFrom('eq', 'ne'), fc.boolean()).map(([op, value]) => `emails.primary ${op} ${value}`),
  fc
    .tuple(
      fc.constantFrom(...TYPES),
      fc.constantFrom('eq', 'co', 'sw', 'ne'),
      fc.constantFrom(...EMAILS, 'example', 'ANN'),
    )
    .map(([type, op, value]) => `emails[type eq ${JSON.stringify(type)}].value ${op} ${JSON.stringify(value)}`),
  fc
    .tuple(fc.constantFrom(...TYPES), fc.boolean())
    .map(([type, primary]) => `emails[not (type eq ${JSON.stringify(type)}) or primary eq ${primary}]`),
  fc
    .tuple(fc.constantFrom(...TYPES), fc.constantFrom(...EMAILS))
    .map(([type, value]) => `emails[type eq ${JSON.stringify(type)} and value eq ${JSON.stringify(value)}]`),
  fc
    .tuple(fc.constantFrom(...TYPES), fc.boolean(), fc.constantFrom('E1', 'e1', '701984'))
    .map(
      ([type, primary, number]) =>
        `emails[type eq ${JSON.stringify(type)} or primary eq ${primary}] and ${ENTERPRISE}:employeeNumber eq "${number}"`,
    ),
  fc.constantFrom(
    'emails[value eq null]',
    'emails[type pr and not (value pr)]',
    'phoneNumbers[type eq "mobile"].value pr',
  ),
);

const filterArbitrary: fc.Arbitrary<string> = fc.letrec<{ filter: string }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.tuple(tie('filter'), fc.constantFrom('and', 'or'), tie('filter')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    tie('filter').map((inner) => `not (${inner})`),
  ),
})).filter;

const withoutUndefined = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

/** Whether a list query read the attribute index (its subqueries alias the index table p0). */
let indexReads = 0;

beforeAll(async () => {
  app = await startTestApp({ env: { SCIM_INDEXED_ATTRIBUTES: JSON.stringify({ User: INDEXED }) } });
  await app.strapi.plugin('scim').service('attributeIndexBuilds').runPending();
  app.strapi.db.connection.on('query', (query: { sql: string }) => {
    if (query.sql.includes(' AS p0')) indexReads += 1;
  });
  const service = app.strapi.plugin('scim').service('users');
  const samples = fc.sample(userArbitrary, { numRuns: 60, seed: 7 });
  users = [];
  for (const [index, sample] of samples.entries()) {
    const body: Record<string, unknown> = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: `${WORDS[index % WORDS.length]}-user-${index}`,
      active: sample.active,
    };
    if (sample.displayName) body.displayName = sample.displayName;
    if (sample.externalId) body.externalId = sample.externalId;
    if (sample.givenName || sample.familyName)
      body.name = { givenName: sample.givenName, familyName: sample.familyName };
    if (sample.emails.length > 0)
      // At most one primary: SCIM refuses two.
      body.emails = sample.emails.map((email, at) =>
        withoutUndefined({ ...email, primary: at === 0 ? email.primary : email.primary && undefined }),
      );
    if (sample.title !== undefined) body.title = sample.title;
    if (sample.userType) body.userType = sample.userType;
    if (sample.phones.length > 0) body.phoneNumbers = sample.phones;
    if (sample.enterprise) {
      const { manager, ...rest } = sample.enterprise;
      body[ENTERPRISE] = withoutUndefined({ ...rest, manager: manager === undefined ? undefined : { value: manager } });
      body.schemas = [...(body.schemas as string[]), ENTERPRISE];
    }
    const { row } = await service.create(body, { productionMode: false, defaultRoleId: null });
    users.push({ ...row.resource, id: row.scimId });
  }
});

afterAll(async () => {
  await stopTestApp(app);
});

/** Random filters through the list service against the evaluator; how many were compared, how many used the index. */
const compareFilters = async (numRuns: number, seed: number): Promise<{ compared: number; indexed: number }> => {
  const service = app.strapi.plugin('scim').service('users');
  let compared = 0;
  let indexed = 0;
  await fc.assert(
    fc.asyncProperty(filterArbitrary, async (filter) => {
      let expected: string[];
      try {
        const ast = parseFilter(filter);
        expected = users
          .filter((user) => matches(ast, user, resolve))
          .map((user) => String(user.userName))
          .sort();
      } catch {
        return; // a filter the evaluator refuses (e.g. gt on a boolean) is not a differential case
      }
      let actual: string[];
      const readsBefore = indexReads;
      try {
        const { rows } = await service.list({ filter, startIndex: 1, count: 1000 });
        actual = rows.map((row: { userName: string }) => row.userName).sort();
      } catch (error) {
        // The compiler may refuse what it cannot express (never silently); the evaluator oracle still ran.
        expect((error as { status?: number }).status).toBe(400);
        return;
      }
      compared += 1;
      if (indexReads > readsBefore) indexed += 1;
      expect({ filter, actual }).toEqual({ filter, actual: expected });
    }),
    { numRuns, seed },
  );
  return { compared, indexed };
};

const INDEX_UID = 'plugin::scim.attribute-index';
const BUILD_UID = 'plugin::scim.attribute-index-build';

it('selects in the database exactly the users the evaluator matches', async () => {
  const { compared, indexed } = await compareFilters(500, 20261207);
  process.stdout.write(
    `filter differential: ${compared} filters compared on ${app.database.client} over ${users.length} users, ${indexed} through the attribute index\n`,
  );
  expect(compared).toBeGreaterThan(400);
  expect(indexed).toBeGreaterThan(40);
});

it('answers the same while the index is back-filled and after, from rows the back-fill wrote', async () => {
  const db = app.strapi.db;
  // Half of the users lose their rows; reindex builds every leaf again from the stored resources.
  const owners = (await db.query(INDEX_UID).findMany({ select: ['ownerRef'] })) as { ownerRef: number }[];
  const half = [...new Set(owners.map((row) => row.ownerRef))].filter((ownerRef) => ownerRef % 2 === 0);
  await db.query(INDEX_UID).deleteMany({ where: { ownerRef: { $in: half } } });
  await app.strapi.plugin('scim').service('attributeIndexBuilds').reindex('User');
  const before = indexReads;
  const building = await compareFilters(60, 11);
  expect(building.compared).toBeGreaterThan(40);
  // Until a leaf is ready the filters read the JSON (the poller may finish a leaf meanwhile).
  expect(indexReads - before).toBeLessThan(building.compared);
  await app.strapi.plugin('scim').service('attributeIndexBuilds').runPending();
  const builds = (await db.query(BUILD_UID).findMany({})) as { status: string }[];
  // manager stands for its value, $ref and displayName: eight leaves.
  expect(builds.map((build) => build.status)).toEqual(Array(8).fill('ready'));
  const rebuilt = await compareFilters(200, 12);
  expect(rebuilt.compared).toBeGreaterThan(150);
  expect(rebuilt.indexed).toBeGreaterThan(15);
});

it('writes the index rows of a user in its transaction: replaced on PUT, gone on DELETE', async () => {
  const service = app.strapi.plugin('scim').service('users');
  const mode = { productionMode: false, defaultRoleId: null };
  const { row } = await service.create(
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
      userName: 'indexed-user',
      emails: [{ value: 'Indexed@Example.com', type: 'work' }],
      [ENTERPRISE]: { employeeNumber: 'X-1' },
    },
    mode,
  );
  const rowsOf = async () =>
    (
      (await app.strapi.db.query(INDEX_UID).findMany({ where: { ownerRef: row.id } })) as {
        path: string;
        valueKey: string;
      }[]
    )
      .map((entry) => `${entry.path}=${entry.valueKey}`)
      .sort();
  expect(await rowsOf()).toEqual([
    'emails.type=work',
    'emails.value=indexed@example.com',
    `${ENTERPRISE.toLowerCase()}:employeenumber=x-1`,
  ]);
  await service.replace(
    row.scimId,
    { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'indexed-user', title: 'Chief' },
    mode,
  );
  expect(await rowsOf()).toEqual(['title=chief']);
  await service.remove(row.scimId, mode);
  expect(await rowsOf()).toEqual([]);
});

/** sortBy on attributes without a column: the evaluator's value, missing last in either order, ties by id. */
const SORT_PATHS = [
  'title',
  'userType',
  `${ENTERPRISE}:department`,
  `${ENTERPRISE}:employeeNumber`,
  `${ENTERPRISE}:manager.value`,
];

const sortKey = (user: Record<string, unknown>, sortBy: string): string | undefined => {
  const definition = findAttribute('User', sortBy);
  const [container, names] = sortBy.startsWith(ENTERPRISE)
    ? [user[ENTERPRISE] as Record<string, unknown> | undefined, sortBy.slice(ENTERPRISE.length + 1)]
    : [user, sortBy];
  const value = names
    .split('.')
    .reduce<unknown>((at, name) => (at as Record<string, unknown> | undefined)?.[name], container);
  if (typeof value !== 'string') return undefined;
  return definition?.attribute.caseExact ? value : value.toLowerCase();
};

it('sorts by attributes without a column in the database, stable across pages', async () => {
  const service = app.strapi.plugin('scim').service('users');
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...SORT_PATHS),
      fc.constantFrom('ascending', 'descending'),
      fc.integer({ min: 1, max: 9 }),
      fc.constantFrom(undefined, 'active eq true', 'emails[type eq "work"]', 'title pr or userType sw "a"'),
      async (sortBy, sortOrder, count, filter) => {
        const direction = sortOrder === 'ascending' ? 1 : -1;
        const ast = filter === undefined ? undefined : parseFilter(filter);
        const keyed = users
          .map((user, index) => ({ user, index, key: sortKey(user, sortBy) }))
          .filter(({ user }) => ast === undefined || matches(ast, user, resolve));
        const expected = keyed
          .sort((a, b) => {
            if (a.key === undefined || b.key === undefined) {
              if (a.key === b.key) return a.index - b.index;
              return a.key === undefined ? 1 : -1;
            }
            if (a.key !== b.key) return (a.key < b.key ? -1 : 1) * direction;
            return a.index - b.index;
          })
          .map(({ user }) => String(user.userName));
        const sort = { attribute: findAttribute('User', sortBy), order: sortOrder };
        const paged: string[] = [];
        for (let startIndex = 1; startIndex <= users.length; startIndex += count) {
          const { rows } = await service.list({ filter, startIndex, count, sort });
          paged.push(...rows.map((row: { userName: string }) => row.userName));
        }
        expect({ sortBy, sortOrder, filter, paged }).toEqual({ sortBy, sortOrder, filter, paged: expected });
      },
    ),
    { numRuns: 30, seed: 20261207 },
  );
});
