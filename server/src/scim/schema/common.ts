import { attribute, complexAttribute } from './attribute-builders';
import type { AttributeDefinition } from './types';

/**
 * The common attributes of RFC 7643 §3.1. They belong to every resource but to no schema, so the
 * /Schemas documents leave them out; attribute lookup, projection and validation still use them.
 */
export const COMMON_ATTRIBUTES: AttributeDefinition[] = [
  attribute('id', 'A unique identifier for a SCIM resource as defined by the service provider.', {
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  attribute('externalId', 'A String that is an identifier for the resource as defined by the provisioning client.', {
    caseExact: true,
  }),
  complexAttribute(
    'meta',
    'A complex attribute containing resource metadata.',
    [
      attribute('resourceType', 'The name of the resource type of the resource.', {
        caseExact: true,
        mutability: 'readOnly',
      }),
      attribute('created', 'The DateTime that the resource was added to the service provider.', {
        type: 'dateTime',
        mutability: 'readOnly',
      }),
      attribute(
        'lastModified',
        'The most recent DateTime that the details of this resource were updated at the service provider.',
        {
          type: 'dateTime',
          mutability: 'readOnly',
        },
      ),
      attribute('location', 'The URI of the resource being returned.', {
        type: 'reference',
        referenceTypes: ['uri'],
        caseExact: true,
        mutability: 'readOnly',
      }),
      attribute('version', 'The version of the resource being returned.', { caseExact: true, mutability: 'readOnly' }),
    ],
    { mutability: 'readOnly' },
  ),
];
