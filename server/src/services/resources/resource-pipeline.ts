import type { Core } from '@strapi/strapi';
import { ScimError } from '../../scim/errors';
import { ifMatchAllows } from '../../scim/etag';
import type { Sort } from '../../scim/list';
import { applyPatchOperations, parseOperations } from '../../scim/patch';
import { QuirkLog } from '../../scim/quirks';
import { validateResource, type ScimResource } from '../../scim/resource';
import type { ActivityInput } from '../activity';
import type { HostMode } from '../host-users';
import { compileListFilter, listOrder } from '../store/list-query';
import { isUniqueViolation } from '../store/unique-violation';
import { getService } from '../../utils/get-service';
import type { PresentRows, ResourceType, StoredRow, Written } from './resource-type';

export interface ListRequest {
  filter?: string;
  sort?: Sort;
  startIndex: number;
  count: number;
}

export interface WriteOptions {
  /** The request's If-Match: a write to a version other than the one named is 412. */
  ifMatch?: string;
  /** The request's quirk log: the write fires into it, and its activity entry records what it holds. */
  log?: QuirkLog;
}

const modeName = (mode: HostMode) => (mode.productionMode ? 'production' : 'test');

/**
 * The one write pipeline of SCIM resources: validate, lock (with If-Match), apply, host sync, activity, all in
 * one transaction; a unique violation of the type's unique name is 409 uniqueness. Reads and presentation too.
 */
export const createResourceService = <Row extends StoredRow, Plan>(
  strapi: Core.Strapi,
  type: ResourceType<Row, Plan>,
): ResourceService<Row> => {
  const { repository, uniqueName } = type;

  const notFound = (id: string) => ScimError.notFound(`No ${type.name} with id "${id}"`);

  const validate = (body: unknown, log: QuirkLog): ScimResource => {
    const { resource, quirks } = validateResource(type.name, body);
    for (const quirk of quirks) log.fire(quirk);
    return type.accept(resource);
  };

  const lockForWrite = async (id: string, ifMatch: string | undefined): Promise<Row> => {
    const row = await repository.lockByScimId(id);
    if (!row) throw notFound(id);
    if (!ifMatchAllows(ifMatch, row.version)) {
      throw new ScimError(412, `The ${type.name} "${id}" has changed since the version given in If-Match`);
    }
    return row;
  };

  const assertNameFree = async (name: string, self?: Row): Promise<void> => {
    if (self && name.toLowerCase() === uniqueName.ofRow(self).toLowerCase()) return;
    const other = await uniqueName.holder(name);
    if (other && other.id !== self?.id) throw uniqueName.conflict(name);
  };

  const save = async (current: Row, resource: ScimResource): Promise<Row> => {
    await assertNameFree(uniqueName.of(resource), current);
    const saved = await repository.replace(current, resource);
    if (!saved) throw new ScimError(412, `The ${type.name} "${current.scimId}" was changed by another request; retry`);
    return saved;
  };

  const record = (entry: Omit<ActivityInput, 'resourceType' | 'outcome' | 'status'> & { status?: number }) =>
    getService(strapi, 'activity').record({ resourceType: type.name, outcome: 'success', status: 200, ...entry });

  /** One transaction; a unique violation of the name (a concurrent write got there first) is 409 uniqueness. */
  const inTransaction = async <T>(work: () => Promise<T>, name: () => string | undefined): Promise<T> => {
    try {
      return await strapi.db.transaction(work);
    } catch (error) {
      const taken = name();
      if (taken !== undefined && isUniqueViolation(error)) throw uniqueName.conflict(taken);
      throw error;
    }
  };

  const createdAttributes = (resource: ScimResource) => Object.keys(resource).filter((key) => key !== 'schemas');

  return {
    name: type.name,
    endpoint: type.endpoint,

    async create(body: unknown, mode: HostMode, { log = new QuirkLog() }: WriteOptions = {}): Promise<Written<Row>> {
      const resource = validate(body, log);
      const name = uniqueName.of(resource);
      return inTransaction(
        // No existence check first: the name's unique index refuses a taken name, answered 409 by inTransaction.
        async () => {
          const plan = await type.plan(resource, null);
          const inserted = await repository.insert(resource);
          const applied = await type.apply(inserted, plan, null, { mode, log });
          await record({
            method: 'POST',
            operation: 'create',
            status: 201,
            mode: modeName(mode),
            quirks: log.list(),
            resourceId: applied.row.scimId,
            resourceName: name,
            changes: createdAttributes(resource),
            hostAction: applied.hostAction,
          });
          return { row: applied.row, members: applied.members };
        },
        () => name,
      );
    },

    async get(id: string): Promise<Row> {
      const row = await repository.findByScimId(id);
      if (!row) throw notFound(id);
      return row;
    },

    async list(request: ListRequest, log?: QuirkLog): Promise<{ rows: Row[]; total: number }> {
      const target = { resourceType: type.name, uid: type.uid, columns: type.columns, coreSchema: type.schemaUrn };
      return repository.list({
        where: await compileListFilter(strapi, request.filter, target, log),
        ...listOrder(strapi, target, request.sort),
        offset: request.startIndex - 1,
        limit: request.count,
      });
    },

    async replace(id: string, body: unknown, mode: HostMode, { ifMatch, log = new QuirkLog() }: WriteOptions = {}) {
      const resource = validate(body, log);
      const name = uniqueName.of(resource);
      return inTransaction(
        async (): Promise<Written<Row>> => {
          const current = await lockForWrite(id, ifMatch);
          const plan = await type.plan(resource, current);
          const saved = await save(current, resource);
          const applied = await type.apply(saved, plan, current, { mode, log });
          await record({
            method: 'PUT',
            operation: 'replace',
            mode: modeName(mode),
            quirks: log.list(),
            resourceId: id,
            resourceName: uniqueName.ofRow(applied.row),
            changes: type.replacedAttributes(current, saved, resource),
            hostAction: applied.hostAction,
          });
          return { row: applied.row, members: applied.members };
        },
        () => name,
      );
    },

    /**
     * The operations are parsed once; the type loads what they need of the current resource. A PATCH the type
     * finds changes nothing writes nothing and keeps the version.
     */
    async patch(id: string, body: unknown, mode: HostMode, { ifMatch, log = new QuirkLog() }: WriteOptions = {}) {
      const operations = parseOperations(body, log);
      let name: string | undefined;
      return inTransaction(
        async (): Promise<Written<Row>> => {
          const current = await lockForWrite(id, ifMatch);
          const base = await type.patchBase(current, operations);
          const { resource, changes } = applyPatchOperations(type.name, base.resource, operations, { log });
          name = uniqueName.of(resource);
          const plan = await type.planPatch(resource, changes, base, { mode, log });
          if (plan === 'unchanged') return { row: current };
          const { id: _id, ...attributes } = resource;
          const saved = await save(current, attributes);
          const applied = await type.apply(saved, plan, current, { mode, log });
          await record({
            method: 'PATCH',
            operation: 'patch',
            mode: modeName(mode),
            quirks: log.list(),
            resourceId: id,
            resourceName: uniqueName.ofRow(applied.row),
            changes: changes.attributes,
            hostAction: applied.hostAction,
            detail: applied.detail ?? null,
          });
          return { row: applied.row };
        },
        () => name,
      );
    },

    async remove(id: string, mode: HostMode, { ifMatch, log = new QuirkLog() }: WriteOptions = {}): Promise<void> {
      await strapi.db.transaction(async () => {
        const row = await lockForWrite(id, ifMatch);
        const hostAction = await type.detach(row, mode);
        await repository.remove(row);
        await record({
          method: 'DELETE',
          operation: 'delete',
          status: 204,
          mode: modeName(mode),
          quirks: log.list(),
          resourceId: id,
          resourceName: uniqueName.ofRow(row),
          hostAction,
        });
      });
    },

    present: type.present,
  };
};

/** A resource service as the generic controller sees it, whatever the type's plan. */
export interface ResourceService<Row extends StoredRow> {
  name: 'User' | 'Group';
  endpoint: 'Users' | 'Groups';
  create(body: unknown, mode: HostMode, options?: WriteOptions): Promise<Written<Row>>;
  get(id: string): Promise<Row>;
  list(request: ListRequest, log?: QuirkLog): Promise<{ rows: Row[]; total: number }>;
  replace(id: string, body: unknown, mode: HostMode, options?: WriteOptions): Promise<Written<Row>>;
  patch(id: string, body: unknown, mode: HostMode, options?: WriteOptions): Promise<Written<Row>>;
  remove(id: string, mode: HostMode, options?: WriteOptions): Promise<void>;
  present: PresentRows<Row>;
}
