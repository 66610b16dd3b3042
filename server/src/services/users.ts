import type { Core } from '@strapi/strapi';
import { ScimError } from '../scim/errors';
import { ifMatchAllows } from '../scim/etag';
import { compileFilter, parseFilter } from '../scim/filter';
import type { Sort } from '../scim/list';
import { applyPatch } from '../scim/patch';
import { QuirkLog, type QuirkId } from '../scim/quirks';
import { validateResource, type ScimResource } from '../scim/resource';
import { USER_SCHEMA_URN } from '../scim/schema';
import { isUniqueViolation } from './store/unique-violation';
import { USER_COLUMN_MAP } from './store/user-columns';
import { createUserRepository, type ScimUserRow } from './store/user-repository';
import { getHostTarget, toProvisionedUser } from './targets';
import { getPluginConfig } from '../utils/plugin-config';

/** How a request reaches the host: in test mode (productionMode false) host users are never touched. */
export interface HostMode {
  productionMode: boolean;
  defaultRoleId: number | null;
}

const RECONCILE_BATCH = 100;

export interface WriteResult {
  row: ScimUserRow;
  quirks: QuirkId[];
}

export interface UserListRequest {
  filter?: string;
  sort?: Sort;
  startIndex: number;
  count: number;
}

/** Passwords are never stored: the plugin does not support them (changePassword is off). */
const withoutPassword = (resource: ScimResource): ScimResource => {
  const { password: _ignored, ...rest } = resource;
  return rest as ScimResource;
};

const duplicateUserName = (userName: unknown) =>
  ScimError.conflict(`A user with userName "${String(userName)}" already exists (userName is compared without case)`);

const notFound = (id: string) => ScimError.notFound(`No User with id "${id}"`);

/** Escapes LIKE wildcards itself from 5.54 on; older releases refuse such filter values instead. */
const likeWildcardMode = (strapi: Core.Strapi): 'escapedByEngine' | 'reject' => {
  const [major, minor] = String(strapi.config.get('info.strapi', '5.54.0')).split('.').map(Number);
  return major > 5 || (major === 5 && minor >= 54) ? 'escapedByEngine' : 'reject';
};

const sortColumn = (sort: Sort | undefined): Record<string, 'asc' | 'desc'>[] => {
  if (!sort) return [{ id: 'asc' }];
  const mapping = USER_COLUMN_MAP[sort.attribute.path] ??
    Object.entries(USER_COLUMN_MAP).find(([path]) => path.toLowerCase() === sort.attribute.path.toLowerCase())?.[1];
  if (!mapping || 'relation' in mapping) {
    throw ScimError.badRequest('invalidValue', `Cannot sort by '${sort.attribute.path}': it is not an indexed attribute`);
  }
  return [{ [mapping.column]: sort.order === 'descending' ? 'desc' : 'asc' }, { id: 'asc' }];
};

/** SCIM Users: validation, uniqueness and optimistic concurrency over the scim_users table. */
const createUsersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createUserRepository(strapi);

  /** Applies the SCIM user to the host user model; a ScimError (409, 403) rolls the whole request back. */
  const applyToHost = async (row: ScimUserRow, mode: HostMode): Promise<ScimUserRow> => {
    if (!mode.productionMode) return row;
    const result = await getHostTarget(strapi).applyUser({
      user: toProvisionedUser(row.resource),
      hostUserId: row.hostUserId,
      roleIds: mode.defaultRoleId === null ? [] : [mode.defaultRoleId],
      linkExisting: getPluginConfig(strapi).linkExistingUsers,
    });
    return repository.setHostLink(
      row,
      result.applied
        ? { hostUserId: result.hostUserId, applied: true, notAppliedReason: null }
        : { hostUserId: row.hostUserId, applied: false, notAppliedReason: result.reason },
    );
  };

  const removeFromHost = async (row: ScimUserRow, mode: HostMode) => {
    if (!mode.productionMode || row.hostUserId === null) return;
    const target = getHostTarget(strapi);
    if (getPluginConfig(strapi).onDelete === 'delete') await target.deleteUser(row.hostUserId);
    else await target.deactivateUser(row.hostUserId);
  };

  const loadForWrite = async (id: string, ifMatch: string | undefined): Promise<ScimUserRow> => {
    const row = await repository.findByScimId(id);
    if (!row) throw notFound(id);
    if (!ifMatchAllows(ifMatch, row.version)) {
      throw new ScimError(412, `The User "${id}" has changed since the version given in If-Match`);
    }
    return row;
  };

  const saveReplacement = async (row: ScimUserRow, resource: ScimResource): Promise<ScimUserRow> => {
    if (String(resource.userName).toLowerCase() !== row.userName.toLowerCase()) {
      const other = await repository.findByUserName(String(resource.userName));
      if (other && other.id !== row.id) throw duplicateUserName(resource.userName);
    }
    try {
      const saved = await repository.replace(row, withoutPassword(resource));
      if (!saved) throw new ScimError(412, `The User "${row.scimId}" was changed by another request; retry`);
      return saved;
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateUserName(resource.userName);
      throw error;
    }
  };

  const applyOrMark = async (row: ScimUserRow, defaultRoleId: number | null) => {
    try {
      return await applyToHost(row, { productionMode: true, defaultRoleId });
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      return repository.setHostLink(row, { hostUserId: row.hostUserId, applied: false, notAppliedReason: error.message });
    }
  };

  return {
    async create(body: unknown, mode: HostMode): Promise<WriteResult> {
      const { resource, quirks } = validateResource('User', body);
      try {
        const row = await strapi.db.transaction(async () => {
          if (await repository.findByUserName(String(resource.userName))) throw duplicateUserName(resource.userName);
          return applyToHost(await repository.insert(withoutPassword(resource)), mode);
        });
        return { row, quirks };
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateUserName(resource.userName);
        throw error;
      }
    },

    async get(id: string): Promise<ScimUserRow> {
      const row = await repository.findByScimId(id);
      if (!row) throw notFound(id);
      return row;
    },

    async list(request: UserListRequest): Promise<{ rows: ScimUserRow[]; total: number }> {
      const where = request.filter
        ? compileFilter(parseFilter(request.filter), {
            columns: USER_COLUMN_MAP,
            coreSchema: USER_SCHEMA_URN,
            likeWildcards: likeWildcardMode(strapi),
            likeIgnoresCase: strapi.db.dialect.client === 'sqlite',
          })
        : {};
      return repository.list({
        where,
        orderBy: sortColumn(request.sort),
        offset: request.startIndex - 1,
        limit: request.count,
      });
    },

    async replace(id: string, body: unknown, mode: HostMode, ifMatch?: string): Promise<WriteResult> {
      const { resource, quirks } = validateResource('User', body);
      const row = await strapi.db.transaction(async () =>
        applyToHost(await saveReplacement(await loadForWrite(id, ifMatch), resource), mode),
      );
      return { row, quirks };
    },

    async patch(id: string, body: unknown, mode: HostMode, ifMatch?: string): Promise<WriteResult> {
      const log = new QuirkLog();
      const row = await strapi.db.transaction(async () => {
        const current = await loadForWrite(id, ifMatch);
        // With its id, so a path-less value that repeats the user's own id (as Okta does) is accepted.
        const { resource } = applyPatch('User', { ...current.resource, id: current.scimId }, body, { log });
        const { id: _id, ...attributes } = resource;
        return applyToHost(await saveReplacement(current, attributes as ScimResource), mode);
      });
      return { row, quirks: log.list() };
    },

    async remove(id: string, mode: HostMode, ifMatch?: string): Promise<void> {
      await strapi.db.transaction(async () => {
        const row = await loadForWrite(id, ifMatch);
        await removeFromHost(row, mode);
        await repository.remove(row);
      });
    },

    /**
     * Applies every SCIM user to the host, in batches of 100, each batch in its own transaction: idempotent
     * and safe to interrupt and run again. A user the host refuses (a conflict) is marked not applied.
     */
    async reconcile(defaultRoleId: number | null): Promise<{ applied: number; notApplied: number }> {
      const counts = { applied: 0, notApplied: 0 };
      for (let afterId = 0; ; ) {
        const batch = await repository.nextBatch(afterId, RECONCILE_BATCH);
        if (batch.length === 0) return counts;
        await strapi.db.transaction(async () => {
          for (const row of batch) {
            const result = await applyOrMark(row, defaultRoleId);
            counts[result.applied ? 'applied' : 'notApplied'] += 1;
          }
        });
        afterId = batch[batch.length - 1].id;
      }
    },
  };
};

export type UsersService = ReturnType<typeof createUsersService>;
export default createUsersService;
