import { ScimError } from '../../../../server/src/scim/errors';
import { applyPatch } from '../../../../server/src/scim/patch';
import type { PatchOptions, PatchResult } from '../../../../server/src/scim/patch';
import { validateGroup, validateUser, type ScimResource } from '../../../../server/src/scim/resource';
import type { ResourceTypeId } from '../../../../server/src/scim/schema';
import { ENTERPRISE_USER, FULL_USER, GROUP } from '../fixtures/rfc7643-examples';

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export const BABS = '2819c223-7f76-453a-919d-413861904646';
export const MANDY = '902c246b-6245-4190-8e05-00816be7344a';
export const JAMES = '08e1d05d-121c-4561-8b96-473d93df9210';

export type Json = Record<string, unknown>;

export const patchBody = (...operations: unknown[]) => ({ schemas: [PATCH_OP], Operations: operations });

/** A canonical resource as the store hands it over: validated, with its id (and meta) back on. */
const canonical = (validated: ScimResource, source: { id: string; meta: unknown }): ScimResource => ({
  ...validated,
  id: source.id,
  meta: source.meta,
});

export const fullUser = (): ScimResource => canonical(validateUser(FULL_USER).resource, FULL_USER);
export const enterpriseUser = (): ScimResource => canonical(validateUser(ENTERPRISE_USER).resource, ENTERPRISE_USER);
export const tourGuides = (): ScimResource => canonical(validateGroup(GROUP).resource, GROUP);

export const userWith = (attributes: Json): ScimResource => ({
  ...validateUser({ schemas: [USER_URN], userName: 'bjensen', ...attributes }).resource,
  id: 'u-1',
});

export const groupWith = (memberIds: string[], extra: Json = {}): ScimResource => ({
  ...validateGroup({
    schemas: [GROUP_URN],
    displayName: 'Engineering',
    members: memberIds.map((value) => ({ value, type: 'User' })),
    ...extra,
  }).resource,
  id: 'g-1',
});

export const patch = (
  type: ResourceTypeId,
  resource: ScimResource,
  body: unknown,
  options?: PatchOptions,
): PatchResult => applyPatch(type, resource, body, options);

/** Runs a PATCH that must fail; checks the input is untouched and returns the error. */
export const patchError = (
  type: ResourceTypeId,
  resource: ScimResource,
  body: unknown,
  options?: PatchOptions,
): ScimError => {
  const snapshot = structuredClone(resource);
  try {
    applyPatch(type, resource, body, options);
  } catch (error) {
    expect(resource).toEqual(snapshot);
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
};

/** The resource without id/meta, for comparing with an expected body. */
export const withoutServiceAttributes = ({ id: _id, meta: _meta, ...rest }: Json) => rest;
