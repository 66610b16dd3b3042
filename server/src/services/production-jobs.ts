import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { NotAppliedUser, ProductionJobKind, ProductionJobResponse, ProductionJobStatus } from '../contracts';
import { createHostUsers, type HostMode } from './host-users';
import {
  createProductionJobRepository,
  NOT_APPLIED_LIST_LIMIT,
  type BatchProgress,
  type ProductionJobRow,
} from './store/production-job-repository';
import { createUserRepository, type ScimUserRow } from './store/user-repository';
import { getPluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';
import { createSerialRun } from '../utils/serial-run';
import type { StoredSettings } from './settings';

const BATCH_SIZE = 100;

/** A default-role or mapping change touching more applied users than this runs as a background job. */
export const ROLE_CHANGE_JOB_THRESHOLD = 100;

/** Whether a settings change can change the roles of applied users. */
const rolesChanged = (before: StoredSettings, after: StoredSettings) =>
  after.defaultRoleId !== before.defaultRoleId ||
  after.appRoleMatch !== before.appRoleMatch ||
  JSON.stringify(after.groupRoleMappings) !== JSON.stringify(before.groupRoleMappings) ||
  JSON.stringify(after.appRoleMappings) !== JSON.stringify(before.appRoleMappings);

const isoOrNull = (value: string | Date | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export const toJobResponse = (row: ProductionJobRow): ProductionJobResponse => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  requestedBy: row.requestedBy,
  total: row.total,
  processed: row.processed,
  applied: row.applied,
  notApplied: row.notApplied,
  notAppliedUsers: row.notAppliedUsers ?? [],
  createdAt: new Date(row.createdAt).toISOString(),
  startedAt: isoOrNull(row.startedAt),
  finishedAt: isoOrNull(row.finishedAt),
});

/**
 * Background jobs that apply every provisioned user to Strapi (the switch to production) or recompute their roles
 * (a large default-role or mapping change). The request records the job and answers; a runner in one instance at a
 * time (the lease on the job row) works through the users in id order, a batch per transaction that also moves the
 * checkpoint, so a crash loses at most the uncommitted batch and nothing is applied twice.
 */
const createProductionJobsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const owner = randomUUID();
  const jobs = createProductionJobRepository(strapi);
  const users = createUserRepository(strapi);
  const leaseMs = () => getPluginConfig(strapi).jobLeaseSeconds * 1000;
  let stopping = false;

  const record = (job: ProductionJobRow, operation: string, detail: string, failed = false) =>
    getService(strapi, 'activity').record({
      method: 'SYSTEM',
      resourceType: 'Settings',
      resourceId: `job-${job.id}`,
      resourceName: job.kind,
      operation,
      outcome: failed ? 'failure' : 'success',
      status: failed ? 500 : 200,
      mode: 'production',
      actor: job.requestedBy,
      detail,
    });

  const countsOf = (job: ProductionJobRow) =>
    `${job.processed} of ${job.total} users processed: ${job.applied} applied, ${job.notApplied} not applied`;

  /** One batch's work; returns what it adds to the job. */
  const applyBatch = async (job: ProductionJobRow, batch: ScimUserRow[], mode: HostMode): Promise<BatchProgress> => {
    const hostUsers = createHostUsers(strapi);
    let applied = 0;
    const notAppliedUsers: NotAppliedUser[] = [];
    if (job.kind === 'recompute-roles') {
      await hostUsers.resyncRoles(
        batch.map((row) => row.id),
        mode,
      );
      applied = batch.filter((row) => row.applied && row.hostUserId !== null).length;
    } else {
      for (const row of batch) {
        const result = await hostUsers.applyOrMark(row, mode);
        if (result.applied) applied += 1;
        else notAppliedUsers.push({ id: row.scimId, userName: row.userName, reason: result.notAppliedReason ?? '' });
      }
    }
    return {
      afterId: batch[batch.length - 1].id,
      processed: job.processed + batch.length,
      applied: job.applied + applied,
      notApplied: job.notApplied + notAppliedUsers.length,
      notAppliedUsers: [...(job.notAppliedUsers ?? []), ...notAppliedUsers].slice(0, NOT_APPLIED_LIST_LIMIT),
    };
  };

  /** Runs one batch if this instance still holds the lease at the job's checkpoint: null when it does not. */
  const runBatch = (job: ProductionJobRow, mode: HostMode) =>
    strapi.db.transaction(async (): Promise<BatchProgress | 'done' | null> => {
      if (!(await jobs.renew(job.id, owner, job.afterId, new Date(), leaseMs()))) return null;
      const batch = await users.nextBatch(job.afterId, BATCH_SIZE);
      if (batch.length === 0) return 'done';
      const progress = await applyBatch(job, batch, mode);
      await jobs.saveProgress(job.id, progress);
      // Committed with the batch: the trail shows each user range exactly once, whatever crashed or raced.
      await record(job, 'job-batch', `users ${job.processed + 1} to ${progress.processed} of ${job.total} processed`);
      return progress;
    });

  const finish = async (job: ProductionJobRow, status: ProductionJobStatus, detail: string) => {
    if (await jobs.finish(job.id, owner, status, new Date())) {
      await record(job, `job-${status}`, detail, status === 'failed');
    }
  };

  /** Works through a job this instance has claimed, until it ends, the lease is lost, or the instance stops. */
  const runJob = async (claimed: ProductionJobRow): Promise<void> => {
    let job = claimed;
    if (job.startedAt === null) {
      await jobs.markStarted(job.id, new Date());
      await record(job, 'job-start', `${job.total} provisioned users to process`);
    }
    for (;;) {
      if (stopping) return jobs.release(job.id, owner);
      const settings = await getService(strapi, 'settings').get();
      if (!settings.productionMode)
        return finish(job, 'cancelled', `production mode was switched off: ${countsOf(job)}`);
      const outcome = await runBatch(job, { ...settings, productionMode: true });
      if (outcome === null) return;
      if (outcome === 'done') return finish(job, 'finished', countsOf(job));
      job = { ...job, ...outcome };
    }
  };

  const runSafely = async (job: ProductionJobRow) => {
    try {
      await runJob(job);
    } catch (error) {
      strapi.log.error(`[scim] production job ${job.id} failed: ${(error as Error).message}`);
      const latest = (await jobs.findById(job.id)) ?? job;
      await finish(latest, 'failed', `stopped by an error, the last batch was rolled back: ${countsOf(latest)}`);
    }
  };

  const runPending = async (): Promise<void> => {
    while (!stopping) {
      const job = await jobs.oldestActive();
      if (!job || !(await jobs.claim(job.id, owner, new Date(), leaseMs()))) return;
      await runSafely({ ...job, status: 'running' });
    }
  };
  const pending = createSerialRun(strapi, 'production jobs', runPending);

  /** Records a job; called inside the settings transaction, so the job exists exactly when the change does. */
  const enqueue = async (kind: ProductionJobKind, requestedBy: string | null): Promise<ProductionJobRow> => {
    // A newer role recomputation covers every user with the newest settings: the older one can stop.
    if (kind === 'recompute-roles') await jobs.cancelActive('recompute-roles', new Date());
    return jobs.create(kind, await users.countAll(), requestedBy);
  };

  /** Recomputes the applied users' roles now when they are few, else records a job; returns whether it did. */
  const recomputeRoles = async (requestedBy: string | null): Promise<boolean> => {
    if ((await users.countApplied()) > ROLE_CHANGE_JOB_THRESHOLD) {
      await enqueue('recompute-roles', requestedBy);
      return true;
    }
    const settings = await getService(strapi, 'settings').get();
    const refs = await users.appliedIds(ROLE_CHANGE_JOB_THRESHOLD);
    await createHostUsers(strapi).resyncRoles(refs, { ...settings, productionMode: true });
    return false;
  };

  return {
    /**
     * What a settings change asks of the jobs, inside the settings transaction, after the new settings are written.
     * Switching production mode on records a job that applies every provisioned user; switching it off stops what
     * runs at its next batch; a default-role or mapping change in production mode recomputes the applied users'
     * roles in this transaction, or records a job when it touches more than ROLE_CHANGE_JOB_THRESHOLD users.
     * Returns whether a job was recorded (the caller starts it after the commit).
     */
    async followSettingsChange(
      before: StoredSettings,
      after: StoredSettings,
      requestedBy: string | null,
    ): Promise<boolean> {
      if (after.productionMode && !before.productionMode) {
        await enqueue('production-switch', requestedBy);
        return true;
      }
      if (!after.productionMode && before.productionMode) {
        await jobs.cancelActive('production-switch', new Date());
        await jobs.cancelActive('recompute-roles', new Date());
        return false;
      }
      return after.productionMode && rolesChanged(before, after) && recomputeRoles(requestedBy);
    },

    /** Runs pending jobs in this instance, unless it is already doing so; errors are logged, never thrown. */
    runPending: (): Promise<void> => pending.run(),

    /** The instance is stopping: the current batch finishes, then the lease is given back for another instance. */
    async stop(): Promise<void> {
      stopping = true;
      await pending.settled();
    },

    latest: async (): Promise<ProductionJobResponse | null> => {
      const row = await jobs.latest();
      return row ? toJobResponse(row) : null;
    },

    byId: async (id: number): Promise<ProductionJobResponse | null> => {
      const row = await jobs.findById(id);
      return row ? toJobResponse(row) : null;
    },
  };
};

export type ProductionJobsService = ReturnType<typeof createProductionJobsService>;
export default createProductionJobsService;
