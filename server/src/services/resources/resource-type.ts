import type { ScimError } from '../../scim/errors';
import type { ColumnMap } from '../../scim/filter';
import type { PatchChanges, PatchOperation } from '../../scim/patch';
import type { ProjectionRequest } from '../../scim/projection';
import type { QuirkLog } from '../../scim/quirks';
import type { ScimResource } from '../../scim/resource';
import type { HostMode } from '../host-users';
import type { ListQuery } from '../store/list-query';
import type { MemberUser } from '../store/member-users';

/** What every stored SCIM resource row has. */
export interface StoredRow {
  id: number;
  scimId: string;
  version: number;
  resource: ScimResource;
}

export interface ResourceRepository<Row extends StoredRow> {
  findByScimId(scimId: string): Promise<Row | null>;
  /** Reads the row for a write and locks it until the transaction ends (see the repositories). */
  lockByScimId(scimId: string): Promise<Row | null>;
  list(query: ListQuery): Promise<{ rows: Row[]; total: number }>;
  insert(resource: ScimResource): Promise<Row>;
  /** null when another write changed the row since it was read. */
  replace(row: Row, resource: ScimResource): Promise<Row | null>;
  remove(row: Row): Promise<unknown>;
}

/** What a write knows after it: the row (maybe with a new host link) and, for a Group, its members. */
export interface Written<Row extends StoredRow> {
  row: Row;
  /** The members after a Group POST or PUT, in the order the client listed them (a PATCH leaves them unloaded). */
  members?: MemberUser[];
}

/** What the type's own steps of a write did, for the activity entry. */
export interface Applied<Row extends StoredRow> extends Written<Row> {
  hostAction: string | null;
  detail?: string | null;
}

/** The resource a PATCH applies to and the current members it holds (only those the operations need). */
export interface PatchBase {
  resource: ScimResource;
  members: MemberUser[];
}

export interface WriteContext {
  mode: HostMode;
  log: QuirkLog;
}

/**
 * What differs between Users and Groups; the pipeline (resource-pipeline.ts) owns the rest. `Plan` is what a
 * type works out before the row is written and acts on after it (a Group's member rows to add and remove).
 */
export interface ResourceType<Row extends StoredRow, Plan> {
  name: 'User' | 'Group';
  /** The path segment of the resource type under the endpoint: Users, Groups. */
  endpoint: 'Users' | 'Groups';
  schemaUrn: string;
  /** The content type of the stored rows. */
  uid: string;
  columns: ColumnMap;
  repository: ResourceRepository<Row>;
  /** The attribute unique without case (userName, displayName). */
  uniqueName: {
    of(resource: ScimResource): string;
    ofRow(row: Row): string;
    holder(name: string): Promise<Row | null>;
    conflict(name: string): ScimError;
  };
  /** A validated POST or PUT body as it is stored; refuses what the type does not support. */
  accept(resource: ScimResource): ScimResource;
  /** Attributes an activity entry lists as changed by a PUT. */
  replacedAttributes(current: Row, saved: Row, resource: ScimResource): string[];
  /** POST and PUT, before the row is written (`current` null for a POST). */
  plan(resource: ScimResource, current: Row | null): Promise<Plan>;
  /**
   * PATCH: the resource the operations apply to, with its id, so a path-less value that repeats the id (as Okta
   * does) is accepted.
   */
  patchBase(current: Row, operations: readonly PatchOperation[]): Promise<PatchBase>;
  /** PATCH, after the operations applied and before the row is written; `unchanged`: nothing to write. */
  planPatch(
    patched: ScimResource,
    changes: PatchChanges,
    base: PatchBase,
    context: WriteContext,
  ): Promise<Plan | 'unchanged'>;
  /** After the row is written: member rows, host user. */
  apply(row: Row, plan: Plan, current: Row | null, context: WriteContext): Promise<Applied<Row>>;
  /** DELETE, before the row goes: member rows, host user. Returns the host action. */
  detach(row: Row, mode: HostMode): Promise<string | null>;
  /** A page of rows as the client asked for them; `written` skips reads a write made unnecessary. */
  present: PresentRows<Row>;
}

export type PresentRows<Row> = (
  rows: readonly Row[],
  endpointUrl: string,
  request: ProjectionRequest,
  written?: { created: boolean; members?: MemberUser[] },
) => Promise<Record<string, unknown>[]>;
