/** Random PATCH requests on valid resources: a valid resource or a ScimError, never a half-applied change. */
import fc from 'fast-check';
import { ScimError } from '../../../../server/src/scim/errors';
import { memberIds } from '../../../../server/src/scim/patch';
import { validateResource, type ScimResource } from '../../../../server/src/scim/resource';
import type { ResourceTypeId } from '../../../../server/src/scim/schema';
import { ENTERPRISE, GROUP_URN, USER_URN, patch, patchBody } from './helpers';

const MEMBER_IDS = ['m1', 'm2', 'm3', 'm4', 'm5'];
const text = fc.constantFrom('a', 'Babs', 'work', 'home', 'x@example.com', '', ' ', 'True', 'false');
const emailType = fc.constantFrom('work', 'home', 'other');

const email = fc.record({ value: text, type: emailType, primary: fc.boolean() }, { requiredKeys: ['value'] });
const member = fc.record(
  { value: fc.constantFrom(...MEMBER_IDS), type: fc.constantFrom('User', 'Group') },
  { requiredKeys: ['value'] },
);

const atMostOnePrimary = (emails: Record<string, unknown>[]) => {
  let seen = false;
  return emails.map((item) => {
    if (item.primary !== true) return item;
    if (seen) return { ...item, primary: false };
    seen = true;
    return item;
  });
};

const userArbitrary = fc
  .record(
    {
      userName: fc.constantFrom('bjensen', 'ann', 'Zed'),
      displayName: text,
      title: text,
      active: fc.boolean(),
      name: fc.record({ givenName: text, familyName: text }, { requiredKeys: [] }),
      emails: fc.array(email, { maxLength: 3 }).map(atMostOnePrimary),
      [ENTERPRISE]: fc.record(
        { department: text, manager: fc.record({ value: fc.constantFrom('m1', 'm2') }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['userName'] },
  )
  .map((body) => ({ ...validateResource('User', { schemas: [USER_URN], ...body }).resource, id: 'u-1' }));

const groupArbitrary = fc
  .record(
    {
      displayName: fc.constantFrom('Eng', 'Ops'),
      members: fc.uniqueArray(member, { selector: (m) => m.value, maxLength: 4 }),
    },
    { requiredKeys: ['displayName'] },
  )
  .map((body) => ({ ...validateResource('Group', { schemas: [GROUP_URN], ...body }).resource, id: 'g-1' }));

const USER_PATHS = [
  'userName',
  'displayName',
  'title',
  'active',
  'name',
  'name.givenName',
  'NAME.familyname',
  'emails',
  'emails.value',
  'emails[type eq "work"]',
  'emails[type eq "work"].value',
  'emails[primary eq true].type',
  'emails[primary eq "true"].primary',
  'emails[type eq "home" and value co "x"]',
  'emails[not (type eq "work")].display',
  `${ENTERPRISE}:department`,
  `${ENTERPRISE}:manager`,
  `${ENTERPRISE}:manager.value`,
  ENTERPRISE,
  'urn:ietf:params:scim:schemas:core:2.0:User:title',
  'id',
  'meta',
  'meta.created',
  'groups',
  'schemas',
  'nonsense',
  'name.nonsense',
  '__proto__',
  'constructor',
  'emails[',
  'emails[foo eq 1]',
];
const GROUP_PATHS = [
  'displayName',
  'members',
  'members.value',
  'members.display',
  'members[value eq "m1"]',
  'members[value eq "m2"].value',
  'members[type eq "User"]',
  'members[type eq "User"].type',
  'members[value sw "m"]',
  'id',
  'meta',
  'schemas',
  'nonsense',
  'externalId',
];

const scalar = fc.oneof(text, fc.boolean(), fc.integer(), fc.constant(null));
const valueArbitrary = fc.oneof(
  scalar,
  fc.array(email, { maxLength: 2 }),
  fc.array(member, { maxLength: 3 }),
  member,
  email,
  fc.constant([]),
  fc.dictionary(
    fc.constantFrom(
      'title',
      'active',
      'name.givenName',
      'displayName',
      'members',
      'id',
      'nonsense',
      ENTERPRISE,
      `${ENTERPRISE}:department`,
      'emails[type eq "work"].value',
    ),
    fc.oneof(scalar, fc.array(member, { maxLength: 2 }), fc.record({ department: text })),
    { maxKeys: 3 },
  ),
);

const operation = (paths: string[]) =>
  fc.record(
    {
      op: fc.constantFrom('add', 'replace', 'remove', 'Add', 'Replace', 'REMOVE', 'bogus'),
      path: fc.constantFrom(...paths),
      value: valueArbitrary,
    },
    { requiredKeys: [] },
  );

const outcomes = { applied: 0, refused: 0 };

const checkOutcome = (type: ResourceTypeId, resource: ScimResource, body: unknown) => {
  const snapshot = structuredClone(resource);
  let result;
  try {
    result = patch(type, resource, body);
    outcomes.applied += 1;
  } catch (error) {
    outcomes.refused += 1;
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).status).toBe(400);
    expect(resource).toEqual(snapshot);
    return;
  }
  expect(resource).toEqual(snapshot);
  const { id: _id, meta: _meta, ...body2 } = result.resource;
  expect(validateResource(type, body2).resource).toEqual(body2);
  expect(result.resource.id).toBe(resource.id);

  const members = new Set(memberIds(resource));
  for (const id of result.changes.membersRemoved) {
    expect(members.has(id)).toBe(true);
    members.delete(id);
  }
  for (const id of result.changes.membersAdded) {
    expect(members.has(id)).toBe(false);
    members.add(id);
  }
  expect([...members].sort()).toEqual(memberIds(result.resource).sort());
  expect(result.changes.attributes.length === 0).toBe(
    JSON.stringify(sortKeys(resource)) === JSON.stringify(sortKeys(result.resource)),
  );
};

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .filter((key) => key !== 'schemas')
      .sort()
      .map((key) => [key, sortKeys(object[key])]),
  );
};

describe('random PATCH requests', () => {
  beforeEach(() => {
    outcomes.applied = 0;
    outcomes.refused = 0;
  });

  // The generators must exercise both outcomes, or the property says little.
  afterEach(() => {
    expect(outcomes.applied).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(100);
  });

  it('on Users: a valid resource or a ScimError with the input untouched', () => {
    fc.assert(
      fc.property(userArbitrary, fc.array(operation(USER_PATHS), { maxLength: 4 }), (user, operations) => {
        checkOutcome('User', user, patchBody(...operations));
      }),
      { numRuns: 1500 },
    );
  });

  it('on Groups: member changes turn the old member set into the new one', () => {
    fc.assert(
      fc.property(groupArbitrary, fc.array(operation(GROUP_PATHS), { maxLength: 4 }), (group, operations) => {
        checkOutcome('Group', group, patchBody(...operations));
      }),
      { numRuns: 1500 },
    );
  });
});
