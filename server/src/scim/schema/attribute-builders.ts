import type { AttributeDefinition } from './types';

/**
 * Builders that fill in the characteristics RFC 7643 §2.2 gives as defaults, so each schema file lists
 * only what differs. Booleans carry caseExact false: §8.7.1 omits it for them and it has no effect there.
 */
type Overrides = Partial<Omit<AttributeDefinition, 'name' | 'description'>>;

export const attribute = (name: string, description: string, overrides: Overrides = {}): AttributeDefinition => ({
  name,
  type: 'string',
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...overrides,
});

export const complexAttribute = (
  name: string,
  description: string,
  subAttributes: AttributeDefinition[],
  overrides: Overrides = {},
): AttributeDefinition => attribute(name, description, { type: 'complex', subAttributes, ...overrides });

const DISPLAY_DESCRIPTION = 'A human-readable name, primarily used for display purposes.  READ-ONLY.';
const PRIMARY_DESCRIPTION =
  "A Boolean value indicating the 'primary' or preferred attribute value for this attribute.  The primary attribute value 'true' MUST appear no more than once.";

interface MultiValuedOptions {
  valueDescription: string;
  valueType?: AttributeDefinition['type'];
  referenceTypes?: string[];
  typeDescription?: string;
  canonicalTypes?: string[];
}

/** The value/display/type/primary sub-attributes shared by emails, phoneNumbers, ims, photos, entitlements, roles and x509Certificates. */
export const valueDisplayTypePrimary = (options: MultiValuedOptions): AttributeDefinition[] => {
  const value = attribute('value', options.valueDescription, { type: options.valueType ?? 'string' });
  if (options.referenceTypes) value.referenceTypes = options.referenceTypes;
  const type = attribute('type', options.typeDescription ?? "A label indicating the attribute's function.");
  if (options.canonicalTypes) type.canonicalValues = options.canonicalTypes;
  return [
    value,
    attribute('display', DISPLAY_DESCRIPTION),
    type,
    attribute('primary', PRIMARY_DESCRIPTION, { type: 'boolean' }),
  ];
};

interface ResourceReferenceOptions {
  valueDescription: string;
  refDescription: string;
  displayDescription: string;
  typeDescription: string;
  canonicalTypes: string[];
  /** Of value, $ref and type; display is always read-only. */
  mutability: AttributeDefinition['mutability'];
}

/** The value/$ref/display/type sub-attributes of a reference to another resource: Group.members, User.groups. */
export const resourceReferenceSubAttributes = (options: ResourceReferenceOptions): AttributeDefinition[] => [
  attribute('value', options.valueDescription, { mutability: options.mutability }),
  // Built from the endpoint URL when a resource is read, so a filter can only test that it is there.
  attribute('$ref', `${options.refDescription} Filters can test it only with "pr".`, {
    type: 'reference',
    referenceTypes: ['User', 'Group'],
    mutability: options.mutability,
  }),
  attribute('display', options.displayDescription, { mutability: 'readOnly' }),
  attribute('type', options.typeDescription, {
    canonicalValues: options.canonicalTypes,
    mutability: options.mutability,
  }),
];
