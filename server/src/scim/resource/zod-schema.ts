import { z } from 'zod';
import { COMMON_ATTRIBUTES, schemasOf, type AttributeDefinition, type ResourceTypeId } from '../schema';

/**
 * zod schemas derived from the attribute definitions. They check the canonical shape that
 * normalize.ts produces (canonical keys, dialects already rewritten); they never see raw client keys.
 */

export const PRIMARY_CONFLICT_MESSAGE = 'has more than one value with primary set to true';

const isIsoDateTime = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(value) &&
  !Number.isNaN(Date.parse(value));

const typeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${expected}`;

const scalarSchema = (definition: AttributeDefinition): z.ZodType => {
  switch (definition.type) {
    case 'boolean':
      return z.boolean({ error: typeError('a boolean') });
    case 'integer':
      return z.number({ error: typeError('an integer') }).int({ error: 'must be an integer' });
    case 'decimal':
      return z.number({ error: typeError('a number') });
    case 'dateTime':
      return z
        .string({ error: typeError('a dateTime string') })
        .refine(isIsoDateTime, { error: 'must be an xsd:dateTime' });
    case 'binary':
      return z
        .string({ error: typeError('a base64 string') })
        .refine((value) => /^[A-Za-z0-9+/=\s_-]*$/.test(value), { error: 'must be base64 encoded' });
    default: {
      const text = z.string({ error: typeError(definition.type === 'reference' ? 'a reference string' : 'a string') });
      return definition.required ? text.refine((value) => value.trim() !== '', { error: 'must not be empty' }) : text;
    }
  }
};

const objectShape = (attributes: readonly AttributeDefinition[]): Record<string, z.ZodType> => {
  const shape: Record<string, z.ZodType> = {};
  for (const attribute of attributes) {
    const schema = attributeSchema(attribute);
    shape[attribute.name] = attribute.required ? schema : schema.optional();
  }
  return shape;
};

const singleValueSchema = (definition: AttributeDefinition): z.ZodType =>
  definition.type === 'complex'
    ? z.object(objectShape(definition.subAttributes ?? []), { error: typeError('an object') })
    : scalarSchema(definition);

const hasPrimary = (definition: AttributeDefinition) =>
  definition.subAttributes?.some((sub) => sub.name === 'primary') ?? false;

/** One attribute's schema; multi-valued attributes with a `primary` sub-attribute allow at most one primary (RFC 7643 §2.4). */
export const attributeSchema = (definition: AttributeDefinition): z.ZodType => {
  if (!definition.multiValued) return singleValueSchema(definition);
  const list = z.array(singleValueSchema(definition), { error: typeError('an array') });
  if (!hasPrimary(definition)) return list;
  return list.superRefine((values, context) => {
    const primaries = values.filter((value) => (value as { primary?: unknown }).primary === true).length;
    if (primaries > 1) context.addIssue({ code: 'custom', message: PRIMARY_CONFLICT_MESSAGE });
  });
};

const resourceSchemas = new Map<ResourceTypeId, z.ZodType>();

const inputCommonAttributes = COMMON_ATTRIBUTES.filter((attribute) => attribute.mutability !== 'readOnly');

/** The whole resource: `schemas`, writable common attributes, core attributes, and one optional object per extension. */
export const resourceSchema = (resourceType: ResourceTypeId): z.ZodType => {
  const cached = resourceSchemas.get(resourceType);
  if (cached) return cached;
  const { core, extensions } = schemasOf(resourceType);
  const shape: Record<string, z.ZodType> = {
    schemas: z.array(z.string()),
    ...objectShape(inputCommonAttributes),
    ...objectShape(core.attributes),
  };
  for (const extension of extensions) shape[extension.id] = z.object(objectShape(extension.attributes)).optional();
  const schema = z.object(shape);
  resourceSchemas.set(resourceType, schema);
  return schema;
};
