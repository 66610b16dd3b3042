import fc from 'fast-check';
import { matches, parseFilter, printAttributePath } from '../../server/src/scim/filter';
import { findAttribute } from '../../server/src/scim/schema';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/**
 * The differential test of the filter compiler: for random users and random filters, the rows the compiled
 * where-clause selects from the real database are exactly the users the in-memory evaluator matches.
 */
let app: TestApp;
let users: Record<string, unknown>[];

const WORDS = ['Ann', 'ann', 'ANNA', 'bob', 'Bo', 'carl', 'x_y', 'a%b', 'Zed'];
const EMAILS = ['ann@example.com', 'Ann@Example.org', 'bob@example.com', 'x_y@b.io', 'a%b@c.de'];
const resolve = (path: Parameters<typeof printAttributePath>[0]) =>
  findAttribute('User', printAttributePath(path))?.attribute;

const userArbitrary = fc.record({
  displayName: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  externalId: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  givenName: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  familyName: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
  active: fc.boolean(),
  emails: fc.array(fc.constantFrom(...EMAILS), { maxLength: 3 }),
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
);

const filterArbitrary: fc.Arbitrary<string> = fc.letrec<{ filter: string }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.tuple(tie('filter'), fc.constantFrom('and', 'or'), tie('filter')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    tie('filter').map((inner) => `not (${inner})`),
  ),
})).filter;

beforeAll(async () => {
  app = await startTestApp();
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
    if (sample.emails.length > 0) body.emails = sample.emails.map((value) => ({ value, type: 'work' }));
    const { row } = await service.create(body, { productionMode: false, defaultRoleId: null });
    users.push({ ...row.resource, id: row.scimId });
  }
});

afterAll(async () => {
  await stopTestApp(app);
});

it('selects in the database exactly the users the evaluator matches', async () => {
  const service = app.strapi.plugin('scim').service('users');
  let compared = 0;
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
      try {
        const { rows } = await service.list({ filter, startIndex: 1, count: 1000 });
        actual = rows.map((row: { userName: string }) => row.userName).sort();
      } catch (error) {
        // The compiler may refuse what it cannot express (never silently); the evaluator oracle still ran.
        expect((error as { status?: number }).status).toBe(400);
        return;
      }
      compared += 1;
      expect({ filter, actual }).toEqual({ filter, actual: expected });
    }),
    { numRuns: 300, seed: 20261129 },
  );
  process.stdout.write(
    `filter differential: ${compared} filters compared on ${app.database.client} over ${users.length} users\n`,
  );
  expect(compared).toBeGreaterThan(200);
});
