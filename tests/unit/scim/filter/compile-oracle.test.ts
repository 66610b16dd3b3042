/**
 * The compiler against the evaluator: for random filters and users, the row a compiled where-object
 * selects under SQL semantics (where-simulator.ts) is the user the evaluator matches.
 */
import fc from 'fast-check';
import {
  compileFilter,
  matches,
  parseDateTime,
  printFilter,
  type ComparisonOperator,
  type Filter,
  type LiteralValue,
} from '../../../../server/src/scim/filter';
import { ScimError } from '../../../../server/src/scim/errors';
import { required } from '../../../integration/support/required';
import { CORE_USER, resolveUser, userColumns } from './fixtures';
import { selectsRow, type SimulatedRow } from './where-simulator';

const TEXTS = ['a', 'A', 'ab', 'B', '', 'a_b', 'x%'];
const EMAILS = ['a@x.com', 'B@y.org', 'ab@X.com', ''];
const TYPES = ['work', 'home', 'WORK'];
const DATES = ['2011-05-13T04:42:34Z', '2011-05-13T06:42:34+02:00', '2012-01-01T00:00:00.5Z'];
const OPERATORS: ComparisonOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const userArbitrary = fc
  .record({
    userName: optional(fc.constantFrom(...TEXTS)),
    externalId: optional(fc.constantFrom(...TEXTS)),
    displayName: optional(fc.constantFrom(...TEXTS)),
    active: optional(fc.boolean()),
    loginCount: optional(fc.integer({ min: 0, max: 2 })),
    lastModified: optional(fc.constantFrom(...DATES)),
    emails: fc.array(
      fc.record({ value: optional(fc.constantFrom(...EMAILS)), type: optional(fc.constantFrom(...TYPES)) }),
      {
        maxLength: 2,
      },
    ),
  })
  .map((user) => {
    const resource: Record<string, unknown> = { schemas: [CORE_USER], emails: user.emails };
    for (const key of ['userName', 'externalId', 'displayName', 'active', 'loginCount'] as const) {
      if (user[key] !== undefined) resource[key] = user[key];
    }
    if (user.lastModified !== undefined) resource.meta = { lastModified: user.lastModified };
    const lower = (value: string | undefined) => value?.toLowerCase() ?? null;
    const row: SimulatedRow = {
      columns: {
        userNameNormalized: lower(user.userName),
        externalId: user.externalId ?? null,
        displayNameNormalized: lower(user.displayName),
        active: user.active ?? null,
        loginCount: user.loginCount ?? null,
        updatedAt:
          user.lastModified === undefined
            ? null
            : new Date(required(parseDateTime(user.lastModified), 'a valid lastModified')).toISOString(),
      },
      relations: {
        emails: user.emails.map((email, index) => ({
          columns: { id: index + 1, valueNormalized: lower(email.value), type: lower(email.type) },
          relations: {},
        })),
      },
    };
    return { resource, row };
  });

const literal = (pool: LiteralValue[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.constantFrom<LiteralValue>(null, 1, true) },
  );

const comparison = (paths: string[], values: LiteralValue[]): fc.Arbitrary<Filter> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record(
        { op: fc.constantFrom(...OPERATORS), path: fc.constantFrom(...paths).map(toPath), value: literal(values) },
        { noNullPrototype: true },
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...paths).map((path): Filter => ({ op: 'pr', path: toPath(path) })) },
  );

function toPath(text: string) {
  const [attribute, subAttribute] = text.split('.') as [string, string?];
  return subAttribute === undefined ? { attribute } : { attribute, subAttribute };
}

const logic = (leaf: fc.Arbitrary<Filter>, maxDepth: number): fc.Arbitrary<Filter> =>
  fc.letrec<{ node: Filter }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth },
      leaf,
      fc.record(
        { op: fc.constantFrom<'and' | 'or'>('and', 'or'), left: tie('node'), right: tie('node') },
        { noNullPrototype: true },
      ),
      fc.record({ op: fc.constant<'not'>('not'), filter: tie('node') }, { noNullPrototype: true }),
    ),
  })).node;

const filterArbitrary = logic(
  fc.oneof(
    comparison(['userName', 'externalId', 'displayName'], TEXTS),
    comparison(['emails', 'emails.value'], EMAILS),
    comparison(['emails.type'], TYPES),
    comparison(['active'], [true, false]),
    comparison(['loginCount'], [0, 1, 2]),
    comparison(['meta.lastModified'], DATES),
    logic(fc.oneof(comparison(['value'], EMAILS), comparison(['type'], TYPES)), 3).map((filter): Filter => ({
      op: 'valuePath',
      path: { attribute: 'emails' },
      filter,
    })),
  ),
  4,
);

const outcome = <T>(run: () => T): { value: T } | { error: ScimError } => {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof ScimError && error.status === 400 && error.scimType === 'invalidFilter') return { error };
    throw error;
  }
};

const relationNames = new Set(['emails']);

describe('compileFilter agrees with matches', () => {
  it('selects exactly the users the evaluator matches', () => {
    let compared = 0;
    fc.assert(
      fc.property(filterArbitrary, fc.array(userArbitrary, { minLength: 1, maxLength: 4 }), (filter, users) => {
        const compiled = outcome(() => compileFilter(filter, { columns: userColumns, coreSchema: CORE_USER }));
        for (const { resource, row } of users) {
          const evaluated = outcome(() => matches(filter, resource, resolveUser));
          if ('error' in evaluated) {
            // A type error the evaluator met is one the compiler refuses too.
            expect('error' in compiled).toBe(true);
            continue;
          }
          if ('error' in compiled) continue; // refused by the compiler only: relation under not, or a type error the evaluator short-circuited past
          compared += 1;
          const selected = selectsRow(compiled.value, row, relationNames);
          if (selected !== evaluated.value) {
            throw new Error(
              `${printFilter(filter)}\n${JSON.stringify(resource)}\nwhere ${JSON.stringify(
                compiled.value,
              )}\nSQL ${selected}, evaluator ${evaluated.value}`,
            );
          }
        }
      }),
      { numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });
});
