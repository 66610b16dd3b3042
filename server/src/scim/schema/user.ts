import {
  attribute,
  complexAttribute,
  resourceReferenceSubAttributes,
  valueDisplayTypePrimary,
} from './attribute-builders';
import type { SchemaDefinition } from './types';

export const USER_SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';

const nameComponent = (name: string, description: string) => attribute(name, description);

/**
 * The core User schema, RFC 7643 §4.1, with the characteristics of its §8.7.1 representation.
 * One deliberate addition: `addresses.primary`, which §4.1.2 and the §8.2 example use but the §8.7.1
 * JSON leaves out.
 */
export const USER_SCHEMA: SchemaDefinition = {
  id: USER_SCHEMA_URN,
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute(
      'userName',
      "Unique identifier for the User, typically used by the user to directly authenticate to the service provider. Each User MUST include a non-empty userName value.  This identifier MUST be unique across the service provider's entire set of Users. REQUIRED.",
      { required: true, uniqueness: 'server' },
    ),
    complexAttribute('name', "The components of the user's real name.", [
      nameComponent(
        'formatted',
        'The full name, including all middle names, titles, and suffixes as appropriate, formatted for display.',
      ),
      nameComponent('familyName', 'The family name of the User, or last name in most Western languages.'),
      nameComponent('givenName', 'The given name of the User, or first name in most Western languages.'),
      nameComponent('middleName', 'The middle name(s) of the User.'),
      nameComponent('honorificPrefix', 'The honorific prefix(es) of the User, or title in most Western languages.'),
      nameComponent('honorificSuffix', 'The honorific suffix(es) of the User, or suffix in most Western languages.'),
    ]),
    attribute('displayName', 'The name of the User, suitable for display to end-users.'),
    attribute(
      'nickName',
      "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead of 'Robert'.",
    ),
    attribute('profileUrl', "A fully qualified URL pointing to a page representing the User's online profile.", {
      type: 'reference',
      referenceTypes: ['external'],
    }),
    attribute('title', 'The user\'s title, such as "Vice President."'),
    attribute('userType', 'Used to identify the relationship between the organization and the user.'),
    attribute('preferredLanguage', "Indicates the User's preferred written or spoken language."),
    attribute('locale', "Used to indicate the User's default location for purposes of localizing items."),
    attribute(
      'timezone',
      "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'.",
    ),
    attribute('active', "A Boolean value indicating the User's administrative status.", { type: 'boolean' }),
    attribute('password', "The User's cleartext password. Never stored, returned or filterable.", {
      mutability: 'writeOnly',
      returned: 'never',
    }),
    complexAttribute(
      'emails',
      "Email addresses for the user. Canonical type values of 'work', 'home', and 'other'.",
      valueDisplayTypePrimary({
        valueDescription: 'Email addresses for the user.',
        typeDescription: "A label indicating the attribute's function, e.g., 'work' or 'home'.",
        canonicalTypes: ['work', 'home', 'other'],
      }),
      { multiValued: true },
    ),
    complexAttribute(
      'phoneNumbers',
      'Phone numbers for the User.',
      valueDisplayTypePrimary({
        valueDescription: 'Phone number of the User.',
        typeDescription: "A label indicating the attribute's function, e.g., 'work', 'home', 'mobile'.",
        canonicalTypes: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
      }),
      { multiValued: true },
    ),
    complexAttribute(
      'ims',
      'Instant messaging addresses for the User.',
      valueDisplayTypePrimary({
        valueDescription: 'Instant messaging address for the User.',
        typeDescription: "A label indicating the attribute's function, e.g., 'aim', 'gtalk', 'xmpp'.",
        canonicalTypes: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
      }),
      { multiValued: true },
    ),
    complexAttribute(
      'photos',
      'URLs of photos of the User.',
      valueDisplayTypePrimary({
        valueDescription: 'URL of a photo of the User.',
        valueType: 'reference',
        referenceTypes: ['external'],
        typeDescription: "A label indicating the attribute's function, i.e., 'photo' or 'thumbnail'.",
        canonicalTypes: ['photo', 'thumbnail'],
      }),
      { multiValued: true },
    ),
    complexAttribute(
      'addresses',
      "A physical mailing address for this User. Canonical type values of 'work', 'home', and 'other'.",
      [
        attribute('formatted', 'The full mailing address, formatted for display or use with a mailing label.'),
        attribute('streetAddress', 'The full street address component.'),
        attribute('locality', 'The city or locality component.'),
        attribute('region', 'The state or region component.'),
        attribute('postalCode', 'The zip code or postal code component.'),
        attribute('country', 'The country name component.'),
        attribute('type', "A label indicating the attribute's function, e.g., 'work' or 'home'.", {
          canonicalValues: ['work', 'home', 'other'],
        }),
        attribute('primary', "A Boolean value indicating the 'primary' or preferred mailing address.", {
          type: 'boolean',
        }),
      ],
      { multiValued: true },
    ),
    complexAttribute(
      'groups',
      'A list of groups to which the user belongs, either through direct membership, through nested groups, or dynamically calculated.',
      resourceReferenceSubAttributes({
        valueDescription: "The identifier of the User's group.",
        refDescription: "The URI of the corresponding 'Group' resource to which the user belongs.",
        displayDescription: 'A human-readable name, primarily used for display purposes.  READ-ONLY.',
        typeDescription: "A label indicating the attribute's function, e.g., 'direct' or 'indirect'.",
        canonicalTypes: ['direct', 'indirect'],
        mutability: 'readOnly',
      }),
      { multiValued: true, mutability: 'readOnly' },
    ),
    complexAttribute(
      'entitlements',
      'A list of entitlements for the User that represent a thing the User has.',
      valueDisplayTypePrimary({ valueDescription: 'The value of an entitlement.' }),
      { multiValued: true },
    ),
    complexAttribute(
      'roles',
      "A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.",
      valueDisplayTypePrimary({ valueDescription: 'The value of a role.', canonicalTypes: [] }),
      { multiValued: true },
    ),
    complexAttribute(
      'x509Certificates',
      'A list of certificates issued to the User.',
      valueDisplayTypePrimary({
        valueDescription: 'The value of an X.509 certificate.',
        valueType: 'binary',
        canonicalTypes: [],
      }),
      { multiValued: true },
    ),
  ],
};
