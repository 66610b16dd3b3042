import { ScimError } from '../errors';
import { ENTERPRISE_USER_SCHEMA_URN, type AttributeDefinition } from '../schema';
import { deepEqual, type JsonObject } from './elements';
import type { AttributeTarget } from './resolve-target';

/**
 * RFC 7644 §3.5.2: "a client MUST NOT modify an attribute that has mutability readOnly or immutable.
 * However, a client MAY add a value to an immutable attribute if the attribute had no previous value."
 * Writing the value it already has is not a modification.
 */
export const assertImmutableKept = (
  definition: AttributeDefinition,
  label: string,
  current: unknown,
  next: unknown,
): void => {
  if (definition.mutability !== 'immutable' || current === undefined || deepEqual(current, next)) return;
  throw ScimError.badRequest('mutability', `'${label}' is immutable and already has a value`);
};

/** The immutable sub-attributes of an element (e.g. a member's value, $ref, type) must survive a rewrite of it. */
export const assertSubAttributesKept = (target: AttributeTarget, before: JsonObject, after: JsonObject): void => {
  for (const sub of target.attribute.subAttributes ?? []) {
    assertImmutableKept(sub, `${target.attributeLabel}.${sub.name}`, before[sub.name], after[sub.name]);
  }
};

/** The enterprise manager is identified by its `value` (REQUIRED in RFC 7643 §4.3): without it there is no manager. */
export const isManagerValue = (target: AttributeTarget): boolean =>
  target.extension === ENTERPRISE_USER_SCHEMA_URN &&
  target.attribute.name === 'manager' &&
  target.sub?.name === 'value';

/**
 * RFC 7644 §3.5.2.2: "If an attribute is removed or becomes unassigned and is defined as a required
 * attribute or a read-only attribute, the server SHALL return ... a scimType error code of mutability."
 * Checked on the whole result, so a remove followed by an add of userName in one request is fine.
 */
export const assertRequiredKept = (
  required: readonly { label: string; read: (resource: JsonObject) => unknown }[],
  before: JsonObject,
  after: JsonObject,
): void => {
  for (const { label, read } of required) {
    const had = read(before);
    const has = read(after);
    if (had !== undefined && had !== null && (has === undefined || has === null)) {
      throw ScimError.badRequest('mutability', `'${label}' is required and cannot be removed`);
    }
  }
};
