import type { ColumnMap } from '../../scim/filter/where-clause';
import type { ScimResource } from '../../scim/resource';

/**
 * The SCIM attributes a Group filter or sortBy can use, and the scim_groups columns that hold them.
 * `members.value` is absent on purpose: members live in scim_memberships, reached by plain integer columns
 * rather than a Strapi relation (which would add join tables), so the where-object compiler has no join to
 * follow; the compiler answers such a filter with its 400 invalidFilter "not filterable".
 */
export const GROUP_COLUMN_MAP: ColumnMap = {
  id: { column: 'scimId', type: 'string' },
  displayName: { column: 'displayNameKey', type: 'string', normalized: true },
  externalId: { column: 'externalId', type: 'string' },
  'meta.created': { column: 'createdAt', type: 'dateTime' },
  'meta.lastModified': { column: 'updatedAt', type: 'dateTime' },
};

/** The SCIM attribute each string column is derived from, for a 400 that names it. */
export const GROUP_COLUMN_LABELS: Record<string, string> = {
  displayName: 'displayName',
  displayNameKey: 'displayName',
  externalId: 'externalId',
};

/** The indexed columns derived from a canonical Group resource (without its members). */
export const groupColumnValues = (resource: ScimResource) => ({
  displayName: String(resource.displayName),
  displayNameKey: String(resource.displayName).toLowerCase(),
  externalId: typeof resource.externalId === 'string' ? resource.externalId : null,
});
