import { ScimError } from '../errors';
import { validateAttributeValue } from '../resource';
import { findByName } from '../schema';
import type { AttributeTarget } from './resolve-target';
import { isList, isMembers, isPlainObject } from './elements';
import type { PatchContext } from './types';

/** Client values run through the resource validator, so PATCH accepts exactly what POST/PUT accept. */

const validate = (context: PatchContext, label: string, value: unknown): unknown =>
  validateAttributeValue(context.resourceType, label, value, { strict: context.strict, log: context.log }).value;

/** The value for what the target writes (attribute or sub-attribute); `undefined` = unassign. */
export const normalizeTargetValue = (context: PatchContext, target: AttributeTarget, value: unknown): unknown =>
  validate(context, target.label, value);

const hasValueSubAttribute = (target: AttributeTarget): boolean =>
  target.attribute.type === 'complex' && findByName(target.attribute.subAttributes, 'value') !== undefined;

/**
 * The elements for a multi-valued attribute. A single element instead of an array, and for complex
 * attributes with a `value` a bare string (Microsoft's tests add the member "string id 1"), are taken
 * as a one-element list. `undefined` means null was sent.
 */
export const normalizeList = (
  context: PatchContext,
  target: AttributeTarget,
  value: unknown,
): unknown[] | undefined => {
  let list = value;
  if (value !== null && value !== undefined && !Array.isArray(value)) {
    const bareValue = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    if (isPlainObject(value) || (bareValue && hasValueSubAttribute(target))) {
      context.log.fire('patch-single-value-for-list');
      list = [isPlainObject(value) ? value : { value }];
    }
  } else if (isList(value) && hasValueSubAttribute(target) && value.some((item) => typeof item === 'string')) {
    context.log.fire('patch-single-value-for-list');
    list = value.map((item) => (typeof item === 'string' ? { value: item } : item));
  }
  const normalized = validate(context, target.attributeLabel, list);
  if (normalized === undefined) return undefined;
  if (!isList(normalized))
    throw ScimError.badRequest('invalidValue', `Attribute '${target.attributeLabel}' must be an array`);
  if (isMembers(target) && normalized.some((member) => isPlainObject(member) && member.type === undefined)) {
    context.log.fire('group-member-type-missing');
  }
  return normalized;
};

/** One element for `attr[filter]`: an object, or a one-element array around one. */
export const normalizeElement = (
  context: PatchContext,
  target: AttributeTarget,
  value: unknown,
): Record<string, unknown> => {
  const list = normalizeList(context, target, value);
  if (list === undefined || list.length !== 1 || !isPlainObject(list[0])) {
    throw ScimError.badRequest('invalidValue', `The value for '${target.attributeLabel}[...]' must be one object`);
  }
  return list[0];
};
