import { listColumnValue } from '../../scim/filter';
import type { ColumnMap } from '../../scim/filter/where-clause';
import type { ScimResource } from '../../scim/resource';
import { pickEmail } from './email-key';

/** The SCIM attributes a User filter or sortBy can use, and the scim_users columns that hold them. */
export const USER_COLUMN_MAP: ColumnMap = {
  id: { column: 'scimId', type: 'string' },
  userName: { column: 'userNameKey', type: 'string', normalized: true },
  externalId: { column: 'externalId', type: 'string' },
  displayName: { column: 'displayNameKey', type: 'string', normalized: true },
  'name.givenName': { column: 'givenNameKey', type: 'string', normalized: true },
  'name.familyName': { column: 'familyNameKey', type: 'string', normalized: true },
  'emails.value': { column: 'emailValues', type: 'string', normalized: true, list: true },
  active: { column: 'active', type: 'boolean' },
  'meta.created': { column: 'createdAt', type: 'dateTime' },
  'meta.lastModified': { column: 'updatedAt', type: 'dateTime' },
};

/** The SCIM attribute each string column is derived from, for a 400 that names it. */
export const USER_COLUMN_LABELS: Record<string, string> = {
  userName: 'userName',
  userNameKey: 'userName',
  externalId: 'externalId',
  displayNameKey: 'displayName',
  givenNameKey: 'name.givenName',
  familyNameKey: 'name.familyName',
  emailKey: 'emails.value',
};

const lowerOrNull = (value: unknown): string | null => (typeof value === 'string' ? value.toLowerCase() : null);

const emailValuesOf = (resource: ScimResource): string[] =>
  (Array.isArray(resource.emails) ? resource.emails : [])
    .map((email) => (email as { value?: unknown } | null)?.value)
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.toLowerCase());

/** The indexed columns derived from a canonical User resource; the resource itself is kept whole as JSON. */
export const userColumnValues = (resource: ScimResource) => {
  const name = (resource.name ?? {}) as Record<string, unknown>;
  return {
    userName: String(resource.userName),
    userNameKey: String(resource.userName).toLowerCase(),
    externalId: typeof resource.externalId === 'string' ? resource.externalId : null,
    displayNameKey: lowerOrNull(resource.displayName),
    givenNameKey: lowerOrNull(name.givenName),
    familyNameKey: lowerOrNull(name.familyName),
    active: resource.active !== false,
    /** The address the host user gets (see pickEmail), to tell which provisioned user already holds it. */
    emailKey: pickEmail(resource),
    emailValues: listColumnValue(emailValuesOf(resource)),
  };
};
