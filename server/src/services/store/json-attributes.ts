import { printAttributePath, type JsonAttributeResolver } from '../../scim/filter';
import { findAttribute, type ResourceTypeId } from '../../scim/schema';

/** Attributes the stored resource does not hold: computed from other tables, or never stored. */
const NOT_IN_RESOURCE: Record<ResourceTypeId, ReadonlySet<string>> = {
  User: new Set(['groups', 'password']),
  Group: new Set(['members']),
};

/**
 * Where an attribute without a column lives in a stored resource of `resourceType`, for the filter
 * compiler's JSON path. Common attributes (`id`, `externalId`, `meta`) have columns or are not stored
 * in the resource; an extension attribute must be written with its URN, as the evaluator reads it.
 */
export const jsonAttributeResolver =
  (resourceType: ResourceTypeId): JsonAttributeResolver =>
  (path) => {
    const found = findAttribute(resourceType, printAttributePath(path));
    if (found === undefined || found.common) return undefined;
    const attribute = found.parent ?? found.attribute;
    if (NOT_IN_RESOURCE[resourceType].has(attribute.name)) return undefined;
    const isExtension = found.qualifiedPath !== found.path;
    if (isExtension && path.urn === undefined) return undefined;
    return {
      ...(isExtension ? { container: found.schema } : {}),
      attribute,
      ...(found.parent ? { sub: found.attribute } : {}),
    };
  };

/** The attribute of each resource type held in scim_memberships (membership-filter-sql.ts), not in the resource. */
const MEMBERSHIP_ATTRIBUTE: Record<ResourceTypeId, string> = { User: 'groups', Group: 'members' };

/**
 * What a list filter can search beyond the columns: the stored resource (jsonAttributeResolver) and the
 * memberships (a Group's `members`, a User's `groups`).
 */
export const filterAttributeResolver = (resourceType: ResourceTypeId): JsonAttributeResolver => {
  const inResource = jsonAttributeResolver(resourceType);
  return (path) => {
    const stored = inResource(path);
    if (stored !== undefined) return stored;
    const found = findAttribute(resourceType, printAttributePath(path));
    const attribute = found?.parent ?? found?.attribute;
    if (found === undefined || found.common || attribute?.name !== MEMBERSHIP_ATTRIBUTE[resourceType]) return undefined;
    return { attribute, ...(found.parent ? { sub: found.attribute } : {}) };
  };
};
