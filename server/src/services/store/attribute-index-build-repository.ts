import type { Core } from '@strapi/strapi';
import type { ResourceTypeId } from '../../scim/schema';
import type { RowQuery } from './row-query';
import { isUniqueViolation } from './unique-violation';

export const ATTRIBUTE_INDEX_BUILD_UID = 'plugin::scim.attribute-index-build';

export type IndexBuildStatus = 'building' | 'ready';

export interface IndexBuildRow {
  id: number;
  resourceType: ResourceTypeId;
  path: string;
  status: IndexBuildStatus;
  /** Checkpoint: the rows of every resource with an id up to this one are written and committed. */
  afterId: number;
  leaseOwner: string | null;
  leaseExpiresAt: string | Date | null;
}

/**
 * One row per indexed leaf (unique on resource type and path, so two instances starting together create it once).
 * As with production jobs, every write that depends on the lease is a conditional updateMany whose count says
 * whether it happened.
 */
export const createIndexBuildRepository = (strapi: Core.Strapi) => {
  const query = (): RowQuery<IndexBuildRow> => strapi.db.query(ATTRIBUTE_INDEX_BUILD_UID);
  const changed = (result: { count: number | string } | null | undefined) => Number(result?.count ?? 0) === 1;

  return {
    all: (resourceType: ResourceTypeId) => query().findMany({ where: { resourceType }, orderBy: { id: 'asc' } }),

    /** The paths filters may use: their back-fill is complete. */
    readyPaths: async (resourceType: ResourceTypeId): Promise<Set<string>> =>
      new Set(
        (await query().findMany({ select: ['path'], where: { resourceType, status: 'ready' } })).map((row) => row.path),
      ),

    /** Records a newly configured leaf; another instance may have done so first, which is as good. */
    async ensure(resourceType: ResourceTypeId, path: string): Promise<void> {
      try {
        await query().create({ data: { resourceType, path, status: 'building', afterId: 0 } });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },

    remove: (id: number) => query().deleteMany({ where: { id } }),

    async resetAll(resourceType: ResourceTypeId): Promise<void> {
      await query().updateMany({
        where: { resourceType },
        data: { status: 'building', afterId: 0, leaseOwner: null, leaseExpiresAt: null },
      });
    },

    /** Takes the lease of a build nobody holds, or whose holder let it expire. */
    async claim(id: number, owner: string, now: Date, leaseMs: number): Promise<boolean> {
      return changed(
        await query().updateMany({
          where: {
            id,
            status: 'building',
            $or: [{ leaseOwner: null }, { leaseExpiresAt: null }, { leaseExpiresAt: { $lt: now } }],
          },
          data: { leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs) },
        }),
      );
    },

    /** Renews the lease at a batch's start, only if this owner still holds it at this checkpoint. */
    async renew(id: number, owner: string, afterId: number, now: Date, leaseMs: number): Promise<boolean> {
      return changed(
        await query().updateMany({
          where: { id, leaseOwner: owner, afterId, status: 'building' },
          data: { leaseExpiresAt: new Date(now.getTime() + leaseMs) },
        }),
      );
    },

    async saveProgress(id: number, afterId: number): Promise<void> {
      await query().updateMany({ where: { id }, data: { afterId } });
    },

    async markReady(id: number, owner: string): Promise<boolean> {
      return changed(
        await query().updateMany({
          where: { id, leaseOwner: owner, status: 'building' },
          data: { status: 'ready', leaseOwner: null, leaseExpiresAt: null },
        }),
      );
    },

    async release(id: number, owner: string): Promise<void> {
      await query().updateMany({ where: { id, leaseOwner: owner }, data: { leaseOwner: null, leaseExpiresAt: null } });
    },
  };
};

export type IndexBuildRepository = ReturnType<typeof createIndexBuildRepository>;
