/** Small schema fixtures and a resolver, so the filter tests do not depend on the real schema module. */
import type { AttributeResolver, AttributePath, ColumnMap } from '../../../../server/src/scim/filter';
import type { AttributeDefinition, AttributeType } from '../../../../server/src/scim/schema/types';

export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const attribute = (
  name: string,
  type: AttributeType,
  options: { multiValued?: boolean; caseExact?: boolean; subAttributes?: AttributeDefinition[] } = {},
): AttributeDefinition => ({
  name,
  type,
  multiValued: options.multiValued ?? false,
  description: name,
  required: false,
  caseExact: options.caseExact ?? false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...(options.subAttributes ? { subAttributes: options.subAttributes } : {}),
});

const multiValuedStrings = (name: string) =>
  attribute(name, 'complex', {
    multiValued: true,
    subAttributes: [
      attribute('value', 'string'),
      attribute('type', 'string'),
      attribute('primary', 'boolean'),
      attribute('display', 'string'),
    ],
  });

const userAttributes: AttributeDefinition[] = [
  attribute('id', 'string', { caseExact: true }),
  attribute('externalId', 'string', { caseExact: true }),
  attribute('userName', 'string'),
  attribute('name', 'complex', {
    subAttributes: [
      attribute('givenName', 'string'),
      attribute('familyName', 'string'),
      attribute('formatted', 'string'),
    ],
  }),
  attribute('displayName', 'string'),
  attribute('title', 'string'),
  attribute('userType', 'string'),
  attribute('active', 'boolean'),
  attribute('loginCount', 'integer'),
  attribute('score', 'decimal'),
  attribute('certificate', 'binary', { caseExact: true }),
  attribute('schemas', 'reference', { multiValued: true, caseExact: true }),
  multiValuedStrings('emails'),
  multiValuedStrings('ims'),
  attribute('meta', 'complex', {
    subAttributes: [
      attribute('created', 'dateTime'),
      attribute('lastModified', 'dateTime'),
      attribute('resourceType', 'string', { caseExact: true }),
    ],
  }),
  attribute('groups', 'complex', {
    multiValued: true,
    subAttributes: [
      attribute('value', 'string', { caseExact: true }),
      attribute('$ref', 'reference', { caseExact: true }),
      attribute('display', 'string'),
    ],
  }),
];

const enterpriseAttributes: AttributeDefinition[] = [
  attribute('employeeNumber', 'string'),
  attribute('department', 'string'),
  attribute('manager', 'complex', {
    subAttributes: [attribute('value', 'string', { caseExact: true }), attribute('displayName', 'string')],
  }),
];

const groupAttributes: AttributeDefinition[] = [
  attribute('id', 'string', { caseExact: true }),
  attribute('externalId', 'string', { caseExact: true }),
  attribute('displayName', 'string'),
  attribute('members', 'complex', {
    multiValued: true,
    subAttributes: [
      attribute('value', 'string', { caseExact: true }),
      attribute('$ref', 'reference', { caseExact: true }),
      attribute('type', 'string'),
      attribute('display', 'string'),
    ],
  }),
];

const findByName = (attributes: AttributeDefinition[] | undefined, name: string) =>
  attributes?.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());

const makeResolver =
  (
    coreSchema: string,
    core: AttributeDefinition[],
    extensions: Record<string, AttributeDefinition[]>,
  ): AttributeResolver =>
  (path: AttributePath) => {
    let attributes: AttributeDefinition[] | undefined = core;
    const urn = path.urn?.toLowerCase();
    if (urn !== undefined && urn !== coreSchema.toLowerCase()) {
      const extension = Object.keys(extensions).find((candidate) => candidate.toLowerCase() === urn);
      attributes = extension === undefined ? undefined : extensions[extension];
    }
    const top = findByName(attributes, path.attribute);
    if (path.subAttribute === undefined) return top;
    return findByName(top?.subAttributes, path.subAttribute);
  };

export const resolveUser = makeResolver(CORE_USER, userAttributes, { [ENTERPRISE_USER]: enterpriseAttributes });
export const resolveGroup = makeResolver(CORE_GROUP, groupAttributes, {});

/** The RFC 7643 §8.2 style sample users, cut down to what the examples touch. */
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
  loginCount: 42,
  score: 9.5,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  ims: [{ value: 'babs@foo.com', type: 'xmpp' }],
  meta: { created: '2010-01-23T04:56:22Z', lastModified: '2011-05-13T04:42:34Z', resourceType: 'User' },
  groups: [
    {
      value: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
      $ref: 'https://example.com/v2/Groups/e9e30dba',
      display: 'Tour Guides',
    },
  ],
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
  meta: { created: '2012-01-01T00:00:00Z', lastModified: '2012-02-01T00:00:00+01:00', resourceType: 'User' },
};

/** A user with almost nothing set. */
export const bare = {
  schemas: [CORE_USER],
  id: 'c0ffee',
  userName: 'bare',
  title: '',
  emails: [],
};

export const tourGuides = {
  schemas: [CORE_GROUP],
  id: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
  displayName: 'Tour Guides',
  members: [
    { value: '2819c223-7f76-453a-919d-413861904646', display: 'Babs Jensen', type: 'User' },
    { value: '902c246b-6245-4190-8e05-00816be7344a', display: 'Mandy Pepperidge' },
  ],
};

/** Columns a store could give the Users table: lower-cased copies for the caseExact=false strings. */
export const userColumns: ColumnMap = {
  id: { column: 'scimId', type: 'string' },
  externalId: { column: 'externalId', type: 'string' },
  userName: { column: 'userNameNormalized', type: 'string', normalized: true },
  displayName: { column: 'displayNameNormalized', type: 'string', normalized: true },
  'name.familyName': { column: 'familyNameNormalized', type: 'string', normalized: true },
  active: { column: 'active', type: 'boolean' },
  loginCount: { column: 'loginCount', type: 'integer' },
  'meta.lastModified': { column: 'updatedAt', type: 'dateTime' },
  'emails.value': { relation: 'emails', column: 'valueNormalized', type: 'string', normalized: true },
  'emails.type': { relation: 'emails', column: 'type', type: 'string', normalized: true },
  [`${ENTERPRISE_USER}:employeeNumber`]: { column: 'employeeNumber', type: 'string' },
};
