/**
 * The catalogue of identity-provider dialects the plugin tolerates: in the protocol core (resource validation,
 * PATCH, filters, projection) and in the layers above it (authentication, discovery, the groups service, the
 * PATCH response). Where a tolerance is applied, its id is fired into the request's QuirkLog: a write records
 * the ids in its activity entry, and every successful request adds those its secret has not shown before to
 * the secret's `quirksSeen`. docs/idp-quirks.md lists the same ids, and tests/integration/quirk-catalogue.test.ts
 * sends one request per entry to check that it is reported.
 */

export interface QuirkSource {
  label: string;
  url: string;
}

export interface Quirk {
  id: string;
  name: string;
  source: QuirkSource;
  /** What the client sends and what we do with it, in one line. */
  description: string;
}

const source = (label: string, url: string): QuirkSource => ({ label, url });
const RFC7643 = (section: string) =>
  source(`RFC 7643 §${section}`, `https://www.rfc-editor.org/rfc/rfc7643#section-${section}`);
const RFC7644 = (section: string) =>
  source(`RFC 7644 §${section}`, `https://www.rfc-editor.org/rfc/rfc7644#section-${section}`);
const ENTRA_COMPATIBILITY = source(
  'Microsoft Learn: Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra user provisioning service',
  'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility',
);
const ENTRA_SCIM_GUIDE = source(
  'Microsoft Learn: Tutorial - Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID',
  'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups',
);
const ENTRA_REFERENCE_TESTS = source(
  'Microsoft SCIM reference code, PostmanCollection.json ("User tests with garbage")',
  'https://github.com/AzureAD/SCIMReferenceCode',
);
const ENTRA_REFERENCE_COLLECTION = source(
  'Microsoft SCIM reference code, PostmanCollection.json',
  'https://github.com/AzureAD/SCIMReferenceCode',
);
const OKTA_SCIM_20 = source(
  'Okta Developer: SCIM 2.0 protocol reference',
  'https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20',
);
const OKTA_WIZARD = source(
  'Okta Help: Add SCIM provisioning to app integrations (authentication modes)',
  'https://help.okta.com/en-us/content/topics/apps/apps_app_integration_wizard_scim.htm',
);

export const QUIRKS = [
  {
    id: 'attribute-name-any-case',
    name: 'Attribute names in any case',
    source: RFC7643('2.1'),
    description:
      'Keys such as "USERNAME" or "Name.GivenName" are matched case-insensitively and rewritten to the schema\'s canonical name.',
  },
  {
    id: 'boolean-as-string',
    name: 'Booleans sent as the strings "True"/"False"',
    source: ENTRA_COMPATIBILITY,
    description:
      'Entra sends "True"/"False" for boolean attributes such as active; any-case "true"/"false" strings become booleans.',
  },
  {
    id: 'single-element-array-for-scalar',
    name: 'Single-element array around a single value',
    source: RFC7643('2.4'),
    description:
      'A one-element array given for a single-valued attribute (e.g. "displayName": ["Ann"]) is unwrapped; longer arrays are rejected.',
  },
  {
    id: 'manager-as-bare-id',
    name: 'Manager given as a bare id string',
    source: ENTRA_COMPATIBILITY,
    description: 'Entra sends the enterprise manager as the manager\'s id string; it becomes {"value": id}.',
  },
  {
    id: 'manager-empty-string-clears',
    name: 'Empty manager string clears the manager',
    source: ENTRA_COMPATIBILITY,
    description: 'Entra sends "" (or {"value": ""}) to remove the manager; the manager is treated as unassigned.',
  },
  {
    id: 'entra-legacy-group-schema',
    name: "Entra's legacy Group schema URNs",
    source: ENTRA_SCIM_GUIDE,
    description:
      'Group bodies listing http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group (or .../ADSCIM/2.0/Group) in "schemas" are accepted as core Groups.',
  },
  {
    id: 'client-id-and-meta-ignored',
    name: 'Client-sent id and meta ignored',
    source: RFC7643('3.1'),
    description:
      'id and meta are issued by the service provider; when a client sends them on POST or PUT, or in a path-less PATCH value (Okta sends the group id), they are dropped.',
  },
  {
    id: 'read-only-attribute-ignored',
    name: 'Read-only attributes ignored on input',
    source: RFC7644('3.5.1'),
    description:
      'readOnly attributes (e.g. groups on a User, which Okta sends as an empty array) are dropped from POST and PUT bodies and path-less PATCH values.',
  },
  {
    id: 'unknown-attribute-ignored',
    name: 'Unknown attributes ignored',
    source: ENTRA_REFERENCE_TESTS,
    description:
      'Attributes no schema defines are dropped unless strict validation is on, in which case the request fails with invalidSyntax.',
  },
  {
    id: 'urn-qualified-attribute-key',
    name: 'Extension attributes as URN-qualified keys',
    source: ENTRA_COMPATIBILITY,
    description:
      'A key like "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department" at the top level is moved under its extension object.',
  },
  {
    id: 'dotted-attribute-key',
    name: 'Sub-attributes as dotted keys',
    source: ENTRA_COMPATIBILITY,
    description:
      'With aadOptscim062020 Entra sends path-less replace values with keys like "name.givenName" (or emails[type eq "work"].value); each key is applied as a path.',
  },
  {
    id: 'patch-op-any-case',
    name: 'PATCH op names in any case',
    source: ENTRA_COMPATIBILITY,
    description: 'Entra sends "Replace", "Add" and "Remove"; op names are matched case-insensitively.',
  },
  {
    id: 'patch-remove-members-by-value-array',
    name: 'Member removal with a value array',
    source: ENTRA_SCIM_GUIDE,
    description:
      '{"op":"Remove","path":"members","value":[{"value":id}]} removes only the listed members instead of all of them (other multi-valued attributes: the listed values).',
  },
  {
    id: 'patch-remove-members-filter-path',
    name: 'Member removal through a members[value eq "..."] path',
    source: ENTRA_COMPATIBILITY,
    description:
      'With aadOptscim062020 Entra removes a member with path members[value eq "id"]; the matching member is removed.',
  },
  {
    id: 'patch-filtered-add-creates-element',
    name: 'Filtered add/replace that matches nothing creates the element',
    source: ENTRA_SCIM_GUIDE,
    description:
      'Entra sets the first phone number with path phoneNumbers[type eq "work"].value; when no element matches, one with type "work" is created.',
  },
  {
    id: 'patch-missing-op-is-replace',
    name: 'Missing op treated as replace',
    source: RFC7644('3.5.2'),
    description: 'RFC 7644 requires "op"; an operation without one is applied as a replace instead of being rejected.',
  },
  {
    id: 'patch-empty-operations-noop',
    name: 'Empty Operations is a no-op',
    source: RFC7644('3.5.2'),
    description:
      'RFC 7644 asks for one or more operations; an empty (or missing) Operations array changes nothing and returns the resource.',
  },
  {
    id: 'patch-schemas-missing',
    name: 'PATCH body without "schemas"',
    source: RFC7644('3.5.2'),
    description:
      'RFC 7644 requires the PatchOp URN in "schemas"; a body without "schemas" is accepted (one that lists other URNs only is still rejected).',
  },
  {
    id: 'patch-single-value-for-list',
    name: 'Single value where a PATCH expects an array',
    source: ENTRA_REFERENCE_TESTS,
    description:
      'An object, or a bare string such as a member id ("value": "id"), given for a multi-valued attribute is taken as a one-element array; a bare string becomes {"value": ...}.',
  },
  {
    id: 'okta-deactivate-pathless-replace',
    name: 'Deactivation by path-less replace',
    source: OKTA_SCIM_20,
    description:
      'Okta deactivates with {"op":"replace","value":{"active":false}}; the path-less value is merged into the resource.',
  },
  {
    id: 'group-member-type-missing',
    name: 'Group members without type',
    source: OKTA_SCIM_20,
    description:
      'Okta may send members as {"value": id, "display": ...} without "type"; they are accepted and the member is found by its id.',
  },
  {
    id: 'bearer-prefix-missing',
    name: 'Secret without the "Bearer " prefix',
    source: OKTA_WIZARD,
    description:
      'In Okta\'s "HTTP Header" mode the Authorization header may hold the bare secret; it is accepted as if prefixed with "Bearer ".',
  },
  {
    id: 'filter-string-boolean',
    name: 'Boolean compared with a string in a filter',
    source: RFC7644('3.4.2.2'),
    description:
      'A filter such as emails[primary eq "true"] compares a boolean attribute with "true"/"false" as if they were booleans.',
  },
  {
    id: 'filter-unquoted-value',
    name: 'Unquoted value in a filter',
    source: ENTRA_REFERENCE_COLLECTION,
    description:
      'A filter value without quotes (userName sw O, meta.created gt 2015-10-10T14:38:21Z) is read as a string; true, false, null and JSON numbers keep their meaning.',
  },
  {
    id: 'attributes-value-filter',
    name: 'Value filter in attributes',
    source: ENTRA_REFERENCE_COLLECTION,
    description:
      'attributes=emails[type eq "work"] names the attribute with a value filter; the filter is dropped and the whole attribute (emails) is returned.',
  },
  {
    id: 'service-configuration-alias',
    name: '/serviceConfiguration alias',
    source: ENTRA_REFERENCE_COLLECTION,
    description:
      "GET /serviceConfiguration, the Microsoft reference server's own name, answers as GET /ServiceProviderConfig.",
  },
  {
    id: 'group-member-unknown-id-skipped',
    name: 'Unknown member id in a group PATCH add',
    source: ENTRA_REFERENCE_COLLECTION,
    description:
      'A PATCH that adds a member id no User has skips that id (named in the activity entry) and applies the rest; POST and PUT still refuse it with 400.',
  },
  {
    id: 'okta-patch-returns-resource',
    name: 'Okta gets the User back from PATCH',
    source: OKTA_SCIM_20,
    description:
      'A User PATCH answers 204 No Content (RFC 7644 §3.5.2), or 200 with the User when attributes/excludedAttributes is given or the client is Okta ("Okta SCIM Client" user agent), whose documented PATCH responses carry the User.',
  },
] as const satisfies readonly Quirk[];

export type QuirkId = (typeof QUIRKS)[number]['id'];

const QUIRKS_BY_ID: ReadonlyMap<string, Quirk> = new Map(QUIRKS.map((quirk) => [quirk.id, quirk]));

export const findQuirk = (id: string): Quirk | undefined => QUIRKS_BY_ID.get(id);

export const isQuirkId = (id: string): id is QuirkId => QUIRKS_BY_ID.has(id);

/** Collects the quirks that fired while one request was handled, each once, in first-fired order. */
export class QuirkLog {
  private readonly fired = new Set<QuirkId>();

  fire(id: QuirkId): void {
    this.fired.add(id);
  }

  has(id: QuirkId): boolean {
    return this.fired.has(id);
  }

  list(): QuirkId[] {
    return [...this.fired];
  }
}
