import { ScimError, isScimError } from '../errors';
import { applySetting } from './apply-add-replace';
import { applyRemove } from './apply-remove';
import type { JsonObject } from './elements';
import { expandPathlessValue } from './pathless';
import { resolveTarget } from './resolve-target';
import type { PatchContext, PatchOperation } from './types';

const dispatch = (context: PatchContext, resource: JsonObject, operation: PatchOperation): void => {
  const { op, path, value } = operation;
  if (op === 'remove') {
    if (path === undefined) throw ScimError.badRequest('noTarget', "'remove' needs a path");
    const target = resolveTarget(context, path);
    if (target.kind === 'extension') delete resource[target.urn];
    else applyRemove(context, resource, target, value);
    return;
  }
  if (value === undefined) throw ScimError.badRequest('invalidValue', `'${op}' needs a value`);
  const target = path === undefined ? undefined : resolveTarget(context, path);
  if (target?.kind === 'attribute') {
    applySetting(context, resource, target, op, value);
    return;
  }
  const urn = target?.kind === 'extension' ? target.urn : undefined;
  if (urn !== undefined && value === null && op === 'replace') {
    delete resource[urn];
    return;
  }
  const entries = expandPathlessValue(context, value, urn);
  if (op === 'replace' && urn === undefined && entries.some((entry) => entry.target.attributeLabel === 'active')) {
    context.log.fire('okta-deactivate-pathless-replace');
  }
  for (const entry of entries) applySetting(context, resource, entry.target, op, entry.value);
};

/** Applies one operation to the working copy, naming the operation in any error it raises. */
export const applyOperation = (context: PatchContext, resource: JsonObject, operation: PatchOperation): void => {
  try {
    dispatch(context, resource, operation);
  } catch (error) {
    if (!isScimError(error)) throw error;
    throw new ScimError(
      error.status,
      `Operations[${operation.index}] (${operation.op}): ${error.detail}`,
      error.scimType,
    );
  }
};
