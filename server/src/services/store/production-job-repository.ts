import type { Core } from '@strapi/strapi';
import type { NotAppliedUser, ProductionJobKind, ProductionJobStatus } from '../../contracts';
import type { RowQuery } from './row-query';

export const PRODUCTION_JOB_UID = 'plugin::scim.production-job';
/** The job row keeps this many not-applied users with their reason; the count covers them all. */
export const NOT_APPLIED_LIST_LIMIT = 500;

export interface ProductionJobRow {
  id: number;
  kind: ProductionJobKind;
  status: ProductionJobStatus;
  requestedBy: string | null;
  total: number;
  /** Checkpoint: every SCIM user with an id up to this one has been handled and committed. */
  afterId: number;
  processed: number;
  applied: number;
  notApplied: number;
  notAppliedUsers: NotAppliedUser[] | null;
  leaseOwner: string | null;
  leaseExpiresAt: string | Date | null;
  createdAt: string;
  startedAt: string | Date | null;
  finishedAt: string | Date | null;
}

const ACTIVE: ProductionJobStatus[] = ['pending', 'running'];

/** What one batch adds to the job; written in the batch's transaction, with the new checkpoint. */
export interface BatchProgress {
  afterId: number;
  processed: number;
  applied: number;
  notApplied: number;
  notAppliedUsers: NotAppliedUser[];
}

/**
 * The job table. Every write that depends on who holds the lease is a conditional updateMany: its count says whether
 * it happened, and the row lock it takes makes a second instance wait and then see the new values.
 */
export const createProductionJobRepository = (strapi: Core.Strapi) => {
  const query = (): RowQuery<ProductionJobRow> => strapi.db.query(PRODUCTION_JOB_UID);
  const changed = (result: { count: number | string } | null | undefined) => Number(result?.count ?? 0) === 1;

  return {
    async create(kind: ProductionJobKind, total: number, requestedBy: string | null): Promise<ProductionJobRow> {
      return query().create({
        data: {
          kind,
          status: 'pending',
          requestedBy,
          total,
          afterId: 0,
          processed: 0,
          applied: 0,
          notApplied: 0,
          notAppliedUsers: [],
        },
      });
    },

    findById: (id: number) => query().findOne({ where: { id } }),

    latest: () => query().findOne({ orderBy: { id: 'desc' } }),

    /** Jobs run one at a time, oldest first. */
    oldestActive: () => query().findOne({ where: { status: { $in: ACTIVE } }, orderBy: { id: 'asc' } }),

    /** Cancels active jobs of this kind (a switch off, or a newer role change that covers every user). */
    async cancelActive(kind: ProductionJobKind, now: Date): Promise<void> {
      await query().updateMany({
        where: { kind, status: { $in: ACTIVE } },
        data: { status: 'cancelled', finishedAt: now, leaseOwner: null, leaseExpiresAt: null },
      });
    },

    /** Takes the lease of an active job that nobody holds, or whose holder let it expire. */
    async claim(id: number, owner: string, now: Date, leaseMs: number): Promise<boolean> {
      return changed(
        await query().updateMany({
          where: {
            id,
            status: { $in: ACTIVE },
            $or: [{ leaseOwner: null }, { leaseExpiresAt: null }, { leaseExpiresAt: { $lt: now } }],
          },
          data: { status: 'running', leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs) },
        }),
      );
    },

    /**
     * Renews the lease at the start of a batch, only if this owner still holds it at this checkpoint: on false the
     * batch must not run (another instance took over, or the job was cancelled).
     */
    async renew(id: number, owner: string, afterId: number, now: Date, leaseMs: number): Promise<boolean> {
      return changed(
        await query().updateMany({
          where: { id, leaseOwner: owner, afterId, status: 'running' },
          data: { leaseExpiresAt: new Date(now.getTime() + leaseMs) },
        }),
      );
    },

    async markStarted(id: number, now: Date): Promise<void> {
      await query().updateMany({ where: { id, startedAt: null }, data: { startedAt: now } });
    },

    async saveProgress(id: number, progress: BatchProgress): Promise<void> {
      await query().updateMany({ where: { id }, data: progress });
    },

    async finish(id: number, owner: string, status: ProductionJobStatus, now: Date): Promise<boolean> {
      return changed(
        await query().updateMany({
          where: { id, leaseOwner: owner, status: 'running' },
          data: { status, finishedAt: now, leaseOwner: null, leaseExpiresAt: null },
        }),
      );
    },

    /** Gives the lease back without finishing (this instance is stopping): another instance resumes at once. */
    async release(id: number, owner: string): Promise<void> {
      await query().updateMany({ where: { id, leaseOwner: owner }, data: { leaseOwner: null, leaseExpiresAt: null } });
    },
  };
};

export type ProductionJobRepository = ReturnType<typeof createProductionJobRepository>;
