import { ScimError } from './errors';
import { withoutTrailingSlashes } from './trailing-slashes';
import { buildListResponse, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ListResponse } from './list';
import {
  RESOURCE_TYPES,
  RESOURCE_TYPE_URN,
  SCHEMAS,
  SCHEMA_URN,
  SERVICE_PROVIDER_CONFIG_URN,
  findResourceType,
  findSchema,
  type AttributeDefinition,
  type ResourceTypeDefinition,
  type SchemaDefinition,
} from './schema';

/**
 * The discovery documents of RFC 7644 §4 (/ServiceProviderConfig, /ResourceTypes, /Schemas), generated
 * from the schema definitions. `baseUrl` is the SCIM endpoint root, e.g. https://app.example/api/scim/v2/x.
 */

type JsonObject = Record<string, unknown>;

const trimBase = withoutTrailingSlashes;

const meta = (resourceType: string, location: string) => ({ resourceType, location });

export const buildServiceProviderConfig = (baseUrl: string, documentationUri?: string): JsonObject => ({
  schemas: [SERVICE_PROVIDER_CONFIG_URN],
  ...(documentationUri ? { documentationUri } : {}),
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: MAX_PAGE_SIZE },
  changePassword: { supported: false },
  sort: { supported: true },
  etag: { supported: true },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'OAuth Bearer Token',
      description:
        'Authentication with a SCIM secret generated in the Strapi admin panel, sent as "Authorization: Bearer <secret>".',
      primary: true,
    },
  ],
  // RFC 9865: index-based pagination only.
  pagination: {
    cursor: false,
    index: true,
    defaultPaginationMethod: 'index',
    defaultPageSize: DEFAULT_PAGE_SIZE,
    maxPageSize: MAX_PAGE_SIZE,
  },
  meta: meta('ServiceProviderConfig', `${trimBase(baseUrl)}/ServiceProviderConfig`),
});

const resourceTypeDocument = (baseUrl: string, type: ResourceTypeDefinition): JsonObject => ({
  schemas: [RESOURCE_TYPE_URN],
  id: type.id,
  name: type.name,
  endpoint: type.endpoint,
  description: type.description,
  schema: type.schema,
  schemaExtensions: type.schemaExtensions.map((extension) => ({ ...extension })),
  meta: meta('ResourceType', `${trimBase(baseUrl)}/ResourceTypes/${type.id}`),
});

export const buildResourceTypes = (baseUrl: string): ListResponse<JsonObject> => {
  const documents = RESOURCE_TYPES.map((type) => resourceTypeDocument(baseUrl, type));
  return buildListResponse(documents, { totalResults: documents.length, startIndex: 1 });
};

export const buildResourceType = (baseUrl: string, id: string): JsonObject => {
  const type = findResourceType(id);
  if (!type) throw ScimError.notFound(`Resource type '${id}' not found`);
  return resourceTypeDocument(baseUrl, type);
};

/** RFC 7643 §7 attribute representation; optional characteristics appear only when the definition has them. */
const attributeDocument = (attribute: AttributeDefinition): JsonObject => {
  const document: JsonObject = {
    name: attribute.name,
    type: attribute.type,
    multiValued: attribute.multiValued,
    description: attribute.description,
    required: attribute.required,
    caseExact: attribute.caseExact,
    mutability: attribute.mutability,
    returned: attribute.returned,
    uniqueness: attribute.uniqueness,
  };
  if (attribute.canonicalValues) document.canonicalValues = [...attribute.canonicalValues];
  if (attribute.referenceTypes) document.referenceTypes = [...attribute.referenceTypes];
  if (attribute.subAttributes) document.subAttributes = attribute.subAttributes.map(attributeDocument);
  return document;
};

const schemaDocument = (baseUrl: string, schema: SchemaDefinition): JsonObject => ({
  schemas: [SCHEMA_URN],
  id: schema.id,
  name: schema.name,
  description: schema.description,
  attributes: schema.attributes.map(attributeDocument),
  meta: meta('Schema', `${trimBase(baseUrl)}/Schemas/${schema.id}`),
});

export const buildSchemas = (baseUrl: string): ListResponse<JsonObject> => {
  const documents = SCHEMAS.map((schema) => schemaDocument(baseUrl, schema));
  return buildListResponse(documents, { totalResults: documents.length, startIndex: 1 });
};

export const buildSchema = (baseUrl: string, id: string): JsonObject => {
  const schema = findSchema(id);
  if (!schema) throw ScimError.notFound(`Schema '${id}' not found`);
  return schemaDocument(baseUrl, schema);
};
