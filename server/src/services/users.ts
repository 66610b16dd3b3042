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

  return {
    async create(body: unknown): Promise<WriteResult> {
      const { resource, quirks } = validateResource('User', body);
      try {
        const row = await strapi.db.transaction(async () => {
          if (await repository.findByUserName(String(resource.userName))) throw duplicateUserName(resource.userName);
          return repository.insert(withoutPassword(resource));
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

    async replace(id: string, body: unknown, ifMatch?: string): Promise<WriteResult> {
      const { resource, quirks } = validateResource('User', body);
      const row = await strapi.db.transaction(async () => saveReplacement(await loadForWrite(id, ifMatch), resource));
      return { row, quirks };
    },

    async patch(id: string, body: unknown, ifMatch?: string): Promise<WriteResult> {
      const log = new QuirkLog();
      const row = await strapi.db.transaction(async () => {
        const current = await loadForWrite(id, ifMatch);
        const { resource } = applyPatch('User', current.resource, body, { log });
        return saveReplacement(current, resource);
      });
      return { row, quirks: log.list() };
    },

    async remove(id: string, ifMatch?: string): Promise<void> {
      await strapi.db.transaction(async () => {
        const row = await loadForWrite(id, ifMatch);
        await repository.remove(row);
      });
    },
  };
};

export type UsersService = ReturnType<typeof createUsersService>;
export default createUsersService;
