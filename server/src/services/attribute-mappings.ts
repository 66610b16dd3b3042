import type { Core } from '@strapi/strapi';
import { parseAttributeSource, readAttributeSource, type AttributeSource } from '../scim/attribute-source';
import { ScimError } from '../scim/errors';
import type { ScimResource } from '../scim/resource';
import type { AttributeType } from '../scim/schema';
import type { PluginConfig } from '../config';
import { getPluginConfig } from '../utils/plugin-config';

const USER_UID: Record<PluginConfig['target'], string> = {
  admin: 'admin::user',
  'users-permissions': 'plugin::users-permissions.user',
};

/** Fields the targets write themselves (sign-in, names, status, roles) or that hold credentials. */
const MANAGED_FIELDS: Record<PluginConfig['target'], readonly string[]> = {
  admin: [
    'email',
    'firstname',
    'lastname',
    'isActive',
    'blocked',
    'roles',
    'password',
    'resetPasswordToken',
    'registrationToken',
  ],
  'users-permissions': [
    'email',
    'username',
    'provider',
    'confirmed',
    'blocked',
    'role',
    'password',
    'resetPasswordToken',
    'confirmationToken',
  ],
};

/** The Strapi attribute types that hold a value of each SCIM type without conversion. */
const COMPATIBLE_TYPES: Record<AttributeType, readonly string[]> = {
  string: ['string', 'text', 'richtext', 'email'],
  reference: ['string', 'text'],
  boolean: ['boolean'],
  integer: ['integer', 'biginteger', 'float', 'decimal'],
  decimal: ['float', 'decimal'],
  dateTime: ['datetime'],
  binary: [],
  complex: [],
};

/** A `string` or `email` column holds 255 characters on PostgreSQL and MySQL. */
const SHORT_STRING_TYPES = new Set(['string', 'email']);
const SHORT_STRING_LENGTH = 255;

interface StrapiAttribute {
  type: string;
  maxLength?: number;
}

interface CheckedMapping {
  source: AttributeSource;
  path: string;
  field: string;
  fieldType: string;
  maxLength: number | undefined;
}

const userAttributes = (strapi: Core.Strapi): Record<string, StrapiAttribute> => {
  const contentType = strapi.contentType(USER_UID[getPluginConfig(strapi).target] as never) as
    { attributes: Record<string, StrapiAttribute> } | undefined;
  return contentType?.attributes ?? {};
};

/** Each mapping checked against the SCIM schema and the target's user content type; problems name the option. */
const checkMappings = (strapi: Core.Strapi): { mappings: CheckedMapping[]; problems: string[] } => {
  const config = getPluginConfig(strapi);
  const attributes = userAttributes(strapi);
  const uid = USER_UID[config.target];
  const mappings: CheckedMapping[] = [];
  const problems: string[] = [];
  for (const [index, { path, field }] of config.attributeMappings.entries()) {
    const option = `scim plugin config: option "attributeMappings.${index}`;
    const source = parseAttributeSource(path);
    const attribute = attributes[field] as StrapiAttribute | undefined;
    if (typeof source === 'string') problems.push(`${option}.path": ${source}`);
    if (!attribute) problems.push(`${option}.field": ${uid} has no field "${field}"`);
    else if (MANAGED_FIELDS[config.target].includes(field)) {
      problems.push(`${option}.field": "${field}" of ${uid} is set by SCIM itself and cannot be mapped`);
    } else if (typeof source !== 'string' && !COMPATIBLE_TYPES[source.type].includes(attribute.type)) {
      problems.push(
        `${option}.field": "${field}" of ${uid} is of type ${attribute.type}, which cannot hold the ${source.type} "${path}"`,
      );
    }
    if (typeof source !== 'string' && attribute) {
      const maxLength = SHORT_STRING_TYPES.has(attribute.type)
        ? Math.min(attribute.maxLength ?? SHORT_STRING_LENGTH, SHORT_STRING_LENGTH)
        : attribute.maxLength;
      mappings.push({ source, path, field, fieldType: attribute.type, maxLength });
    }
  }
  return { mappings, problems };
};

/** At startup: a mapping that names an unknown field or a field of the wrong type stops Strapi, saying which. */
export const assertAttributeMappings = (strapi: Core.Strapi): void => {
  const { problems } = checkMappings(strapi);
  if (problems.length > 0) throw new Error(problems.join('; '));
};

/**
 * The host user fields the mappings set from this SCIM User: every mapped field, null where the resource has
 * no value, so a removed attribute clears its field. A value too long for its column is a 400 naming both.
 */
export const mappedHostFields = (strapi: Core.Strapi, resource: ScimResource): Record<string, unknown> => {
  const fields: Record<string, unknown> = {};
  for (const { source, path, field, maxLength } of checkMappings(strapi).mappings) {
    const value = readAttributeSource(resource, source);
    if (typeof value === 'string' && maxLength !== undefined && value.length > maxLength) {
      throw ScimError.badRequest(
        'invalidValue',
        `${path} is longer than the ${maxLength} characters the Strapi field "${field}" holds`,
      );
    }
    fields[field] = value;
  }
  return fields;
};
