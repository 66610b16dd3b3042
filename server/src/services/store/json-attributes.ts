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
