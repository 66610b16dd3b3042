import type { QuirkId, QuirkLog } from '../quirks';
import type { ScimResource } from '../resource';
import type { ResourceTypeId } from '../schema';

/** The three operations of RFC 7644 §3.5.2, in canonical lower case. */
export type PatchOpName = 'add' | 'remove' | 'replace';

/** One operation of a PATCH body after its shape has been checked and its op name normalised. */
export interface PatchOperation {
  op: PatchOpName;
  /** Absent for path-less add/replace (the target is the resource itself). */
  path?: string;
  /** Absent when the client sent no `value` member. */
  value?: unknown;
  /** Position in `Operations`, for error details. */
  index: number;
}

export interface PatchOptions {
  /** Reject unknown attributes in path-less values instead of ignoring them (as validateResource does). Default false. */
  strict?: boolean;
  /** Collect fired quirks into an existing log, e.g. one shared by a whole request. */
  log?: QuirkLog;
  /** Most operations one request may hold; default 1000. */
  maxOperations?: number;
}

/** What a PATCH changed, precise enough for the store to write only that. */
export interface PatchChanges {
  /**
   * Top-level attributes whose value differs after the patch, by canonical name; extension attributes
   * are URN-qualified (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`).
   */
  attributes: string[];
  /** Group member ids (`members.value`) present after the patch and not before, in list order. */
  membersAdded: string[];
  /** Group member ids present before the patch and not after, in the old list's order. */
  membersRemoved: string[];
}

export interface PatchResult {
  /** The new canonical resource, validated by validateResource; id/meta of the input are carried over. */
  resource: ScimResource;
  changes: PatchChanges;
  quirks: QuirkId[];
}

/** Everything an operation needs besides the resource it works on. */
export interface PatchContext {
  resourceType: ResourceTypeId;
  strict: boolean;
  log: QuirkLog;
  /** The `id` of the resource being patched, when the caller passed one. */
  resourceId?: string;
}
