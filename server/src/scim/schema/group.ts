import { attribute, complexAttribute, resourceReferenceSubAttributes } from './attribute-builders';
import type { SchemaDefinition } from './types';

export const GROUP_SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/**
 * The core Group schema, RFC 7643 §4.2. Two departures from the §8.7.1 JSON, both taken from the §4.2
 * text: displayName is required ("REQUIRED" in §4.2, `required: false` in §8.7.1), and members carry a
 * read-only `display` that clients such as Okta send and read back.
 */
export const GROUP_SCHEMA: SchemaDefinition = {
  id: GROUP_SCHEMA_URN,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute('displayName', 'A human-readable name for the Group. REQUIRED.', { required: true }),
    complexAttribute(
      'members',
      'A list of members of the Group.',
      resourceReferenceSubAttributes({
        valueDescription: 'Identifier of the member of this Group.',
        refDescription: 'The URI corresponding to a SCIM resource that is a member of this Group.',
        displayDescription: 'A human-readable name, primarily used for display purposes.',
        typeDescription: "A label indicating the type of resource, e.g., 'User' or 'Group'.",
        canonicalTypes: ['User', 'Group'],
        mutability: 'immutable',
      }),
      { multiValued: true },
    ),
  ],
};
