/**
 * Inputs shared by the benchmarks: sample resources (the RFC 7643 §8 users, cut down), an attribute
 * resolver over the plugin's real schema definitions, column maps a store could pass to `compileFilter`,
 * and a weighted mix of the filters identity providers actually send.
 */
import type { AttributePath, AttributeResolver, ColumnMap } from '../../server/src/scim/filter';
import { printAttributePath } from '../../server/src/scim/filter';
import { findAttribute, type AttributeDefinition } from '../../server/src/scim/schema';
import { required } from '../../tests/integration/support/required';

export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * `schemas` is not an attribute of the plugin's schema definitions (it is a message-level member),
 * so RFC 7644's `schemas eq "..."` example needs it added for the evaluator.
 */
const SCHEMAS_ATTRIBUTE: AttributeDefinition = {
  name: 'schemas',
  type: 'reference',
  multiValued: true,
  description: 'schemas',
  required: false,
  caseExact: true,
  mutability: 'readOnly',
  returned: 'always',
  uniqueness: 'none',
};

const resolverFor =
  (resourceType: 'User' | 'Group'): AttributeResolver =>
  (path: AttributePath) => {
    if (path.urn === undefined && path.subAttribute === undefined && path.attribute.toLowerCase() === 'schemas') {
      return SCHEMAS_ATTRIBUTE;
    }
    return findAttribute(resourceType, printAttributePath(path))?.attribute;
  };

export const resolveUser = resolverFor('User');
export const resolveGroup = resolverFor('Group');

export const bjensen = {
  schemas: [CORE_USER, ENTERPRISE_USER],
  id: '2819c223-7f76-453a-919d-413861904646',
  externalId: 'bjensen',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: "O'Malley", formatted: "Ms. Barbara J O'Malley" },
  displayName: 'Babs Jensen',
  title: 'Tour Guide',
  userType: 'Employee',
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  ims: [{ value: 'babs@foo.com', type: 'xmpp' }],
  addresses: [
    {
      type: 'work',
      streetAddress: '100 Universal City Plaza',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'USA',
      primary: true,
    },
    {
      type: 'home',
      streetAddress: '456 Hollywood Blvd',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'USA',
    },
  ],
  meta: { resourceType: 'User', created: '2010-01-23T04:56:22Z', lastModified: '2011-05-13T04:42:34Z' },
  [ENTERPRISE_USER]: {
    employeeNumber: '701984',
    department: 'Tour Operations',
    manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d', displayName: 'John Smith' },
  },
};

export const jsmith = {
  schemas: [CORE_USER],
  id: '26118915-6090-4610-87e4-49d8ca9f808d',
  userName: 'JSmith',
  name: { givenName: 'John', familyName: 'Smith' },
  displayName: 'John Smith',
  userType: 'Intern',
  active: false,
  emails: [{ value: 'john@smith.net', type: 'home' }],
  meta: { resourceType: 'User', created: '2012-01-01T00:00:00Z', lastModified: '2012-02-01T00:00:00+01:00' },
};

/** Almost nothing set; `title: ""` is not "present" in RFC 7644 terms. */
export const bare = {
  schemas: [CORE_USER],
  id: 'c0ffee00-0000-4000-8000-000000000001',
  userName: 'bare',
  title: '',
  emails: [] as unknown[],
  meta: { resourceType: 'User', created: '2011-05-13T06:00:00+02:00', lastModified: '2011-05-13T06:00:00+02:00' },
};

export const USERS = { bjensen, jsmith, bare };
export type UserName = keyof typeof USERS;

export const tourGuides = {
  schemas: [CORE_GROUP],
  id: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
  displayName: 'Tour Guides',
  members: [
    { value: '2819c223-7f76-453a-919d-413861904646', display: 'Babs Jensen', type: 'User' },
    { value: '902c246b-6245-4190-8e05-00816be7344a', display: 'Mandy Pepperidge', type: 'User' },
  ],
  meta: { resourceType: 'Group', created: '2010-01-23T04:56:22Z', lastModified: '2011-05-13T04:42:34Z' },
};

/** What a store could give the Users table: lower-cased copies of the caseExact=false strings. */
export const userColumns: ColumnMap = {
  id: { column: 'scimId', type: 'string' },
  externalId: { column: 'externalId', type: 'string' },
  userName: { column: 'userNameNormalized', type: 'string', normalized: true },
  displayName: { column: 'displayNameNormalized', type: 'string', normalized: true },
  title: { column: 'title', type: 'string' },
  userType: { column: 'userType', type: 'string' },
  'name.familyName': { column: 'familyNameNormalized', type: 'string', normalized: true },
  'name.givenName': { column: 'givenNameNormalized', type: 'string', normalized: true },
  active: { column: 'active', type: 'boolean' },
  'meta.created': { column: 'createdAt', type: 'dateTime' },
  'meta.lastModified': { column: 'updatedAt', type: 'dateTime' },
  'emails.value': { relation: 'emails', column: 'valueNormalized', type: 'string', normalized: true },
  'emails.type': { relation: 'emails', column: 'type', type: 'string', normalized: true },
  [`${ENTERPRISE_USER}:employeeNumber`]: { column: 'employeeNumber', type: 'string' },
  [`${ENTERPRISE_USER}:department`]: { column: 'department', type: 'string' },
};

export const groupColumns: ColumnMap = {
  id: { column: 'scimId', type: 'string' },
  externalId: { column: 'externalId', type: 'string' },
  displayName: { column: 'displayNameNormalized', type: 'string', normalized: true },
  'members.value': { relation: 'memberships.member', column: 'scimId', type: 'string' },
  'meta.lastModified': { column: 'updatedAt', type: 'dateTime' },
};

export interface MixEntry {
  text: string;
  resourceType: 'User' | 'Group';
}

const uuid = (i: number): string =>
  `${(0x10000000 + i * 7919).toString(16).slice(-8)}-7f76-453a-919d-${(i * 104729).toString(16).padStart(12, '0').slice(-12)}`;

/**
 * 1,000 filters in the proportions a provisioning endpoint sees: mostly the Entra ID / Okta lookups
 * (userName, externalId, group displayName), the rest the RFC 7644 shapes a person or a reconciliation
 * job sends. Values vary so no cache can help. Every entry compiles with the column maps above.
 */
export function filterMix(size = 1000): MixEntry[] {
  const shapes: [weight: number, make: (i: number) => MixEntry][] = [
    [40, (i) => ({ text: `userName eq "user.${i}+tag@contoso.onmicrosoft.com"`, resourceType: 'User' })],
    [15, (i) => ({ text: `externalId eq "${uuid(i)}"`, resourceType: 'User' })],
    [15, (i) => ({ text: `displayName eq "Tour Guides ${i}"`, resourceType: 'Group' })],
    [5, (i) => ({ text: `emails[type eq "work" and value co "@example${i}.com"]`, resourceType: 'User' })],
    [
      5,
      (i) => ({
        text: `userType eq "Employee" and (emails co "example${i}.com" or emails.value co "example.org")`,
        resourceType: 'User',
      }),
    ],
    [
      5,
      (i) => ({
        text: `meta.lastModified gt "2011-05-${String((i % 28) + 1).padStart(2, '0')}T04:42:34Z"`,
        resourceType: 'User',
      }),
    ],
    [5, (i) => ({ text: `${ENTERPRISE_USER}:employeeNumber eq "${700000 + i}"`, resourceType: 'User' })],
    [5, (i) => ({ text: `title pr and userType eq "Employee${i}"`, resourceType: 'User' })],
    [5, (i) => ({ text: `userName sw "J${i}" and not (active eq false)`, resourceType: 'User' })],
  ];
  const total = shapes.reduce((sum, [weight]) => sum + weight, 0);
  const entries: MixEntry[] = [];
  for (let i = 0; i < size; i += 1) {
    // Deterministic interleaving by weight: entry i takes the shape whose cumulative share it falls in.
    let slot = (i * 37) % total;
    const shape = required(
      shapes.find(([weight]) => (slot -= weight) < 0),
      `a shape for entry ${i}`,
    );
    entries.push(shape[1](i));
  }
  return entries;
}

export const deepClone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
