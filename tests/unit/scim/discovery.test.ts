import {
  buildResourceType,
  buildResourceTypes,
  buildSchema,
  buildSchemas,
  buildServiceProviderConfig,
} from '../../../server/src/scim/discovery';
import { ScimError } from '../../../server/src/scim/errors';
import { GROUP_SCHEMA, USER_SCHEMA } from '../../../server/src/scim/schema';

const BASE = 'https://app.example/api/scim/v2/abc/';
const ROOT = 'https://app.example/api/scim/v2/abc';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const expectNotFound = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    expect((error as ScimError).status).toBe(404);
    return;
  }
  throw new Error('expected a 404');
};

describe('ServiceProviderConfig', () => {
  const config = buildServiceProviderConfig(BASE);

  it('states the supported features', () => {
    expect(config).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      meta: { resourceType: 'ServiceProviderConfig', location: `${ROOT}/ServiceProviderConfig` },
    });
  });

  it('offers one bearer-token scheme', () => {
    expect(config.authenticationSchemes).toEqual([
      /* eslint-disable @typescript-eslint/no-unsafe-assignment -- @types/jest types asymmetric matchers as any */
      expect.objectContaining({
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: expect.stringContaining('Bearer'),
      }),
      /* eslint-enable @typescript-eslint/no-unsafe-assignment */
    ]);
  });

  it('describes index pagination as RFC 9865 does', () => {
    expect(config.pagination).toEqual({
      cursor: false,
      index: true,
      defaultPaginationMethod: 'index',
      defaultPageSize: 100,
      maxPageSize: 1000,
    });
  });

  it('includes a documentationUri only when given', () => {
    expect(config).not.toHaveProperty('documentationUri');
    expect(buildServiceProviderConfig(BASE, 'https://docs.example/scim').documentationUri).toBe(
      'https://docs.example/scim',
    );
  });
});

describe('ResourceTypes', () => {
  it('lists User and Group as a ListResponse', () => {
    const list = buildResourceTypes(BASE);
    expect(list).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 2,
      itemsPerPage: 2,
      startIndex: 1,
    });
    expect(list.Resources.map((resource) => resource.id)).toEqual(['User', 'Group']);
  });

  it('describes User with the enterprise extension', () => {
    expect(buildResourceType(BASE, 'User')).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      schema: 'urn:ietf:params:scim:schemas:core:2.0:User',
      schemaExtensions: [{ schema: ENTERPRISE, required: false }],
      meta: { resourceType: 'ResourceType', location: `${ROOT}/ResourceTypes/User` },
    });
  });

  it('answers 404 for an unknown resource type', () => {
    expectNotFound(() => buildResourceType(BASE, 'Device'));
  });
});

describe('Schemas', () => {
  it('lists the three schemas', () => {
    const list = buildSchemas(BASE);
    expect(list.totalResults).toBe(3);
    expect(list.Resources.map((schema) => schema.id)).toEqual([USER_SCHEMA.id, ENTERPRISE, GROUP_SCHEMA.id]);
  });

  it('renders one schema with every attribute characteristic', () => {
    const schema = buildSchema(BASE, 'urn:ietf:params:scim:schemas:core:2.0:User');
    expect(schema.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:Schema']);
    expect(schema.meta).toEqual({
      resourceType: 'Schema',
      location: `${ROOT}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User`,
    });
    const attributes = schema.attributes as Record<string, unknown>[];
    expect(attributes).toHaveLength(USER_SCHEMA.attributes.length);
    expect(attributes.find((attribute) => attribute.name === 'userName')).toEqual({
      name: 'userName',
      type: 'string',
      multiValued: false,
      /* eslint-disable @typescript-eslint/no-unsafe-assignment -- @types/jest types asymmetric matchers as any */
      description: expect.any(String),
      required: true,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'server',
    });
    const emails = attributes.find((attribute) => attribute.name === 'emails') as {
      subAttributes: Record<string, unknown>[];
    };
    expect(emails.subAttributes.find((sub) => sub.name === 'type')?.canonicalValues).toEqual(['work', 'home', 'other']);
    const password = attributes.find((attribute) => attribute.name === 'password');
    expect(password).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    expect(attributes.find((attribute) => attribute.name === 'id')).toBeUndefined();
  });

  it('finds a schema by URN in any case and answers 404 otherwise', () => {
    expect(buildSchema(BASE, ENTERPRISE.toUpperCase()).id).toBe(ENTERPRISE);
    expectNotFound(() => buildSchema(BASE, 'urn:example:nope'));
  });

  it('returns copies that callers cannot use to change the definitions', () => {
    const schema = buildSchema(BASE, GROUP_SCHEMA.id);
    (schema.attributes as Record<string, unknown>[])[0].required = false;
    expect(GROUP_SCHEMA.attributes[0].required).toBe(true);
  });
});

/* eslint-enable @typescript-eslint/no-unsafe-assignment */
