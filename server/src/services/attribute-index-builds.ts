import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { ScimResource } from '../scim/resource';
import type { ResourceTypeId } from '../scim/schema';
import { getPluginConfig } from '../utils/plugin-config';
import { createSerialRun } from '../utils/serial-run';
import { createAttributeIndex } from './store/attribute-index';
import { createIndexBuildRepository, type IndexBuildRow } from './store/attribute-index-build-repository';
import { INDEXED_RESOURCE_TYPES, indexedLeaves, type IndexedLeaf } from './store/indexed-attributes';
import { SCIM_GROUP_UID } from './store/group-repository';
import { SCIM_USER_UID } from './store/user-repository';

const BATCH_SIZE = 500;

const RESOURCE_UID: Record<ResourceTypeId, string> = { User: SCIM_USER_UID, Group: SCIM_GROUP_UID };

/**
 * The back-fill of the attribute index. A leaf the option names for the first time is written for every existing
 * resource, in id order, a batch per transaction that also moves the checkpoint, by one instance at a time (the
 * lease on its build row); until it is ready, filters on it run through the JSON functions, so answers are right
 * throughout. New writes add their own rows meanwhile (the repositories write every configured leaf), and a batch
 * locks the resource rows it reads, so it never overwrites a concurrent write's rows with older ones. A leaf the
 * option no longer names loses its rows and its build row at startup.
 */
const createAttributeIndexBuildsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const owner = randomUUID();
  const builds = createIndexBuildRepository(strapi);
  const leaseMs = () => getPluginConfig(strapi).jobLeaseSeconds * 1000;
  let stopping = false;
  /**
   * Resource types whose configured leaves were all seen ready: a leaf never goes back to building while the
   * instances share the option (the one thing that resets it is `reindex`), so lookups skip the builds query then.
   */
  const allReady = new Map<ResourceTypeId, Map<string, IndexedLeaf>>();

  /** Build rows for newly named leaves; rows and build rows of leaves no longer named are deleted. */
  const reconcile = async (resourceType: ResourceTypeId): Promise<void> => {
    const configured = new Set(indexedLeaves(strapi, resourceType).map((leaf) => leaf.key));
    const existing = await builds.all(resourceType);
    for (const build of existing) {
      if (configured.has(build.path)) continue;
      await strapi.db.transaction(async () => {
        await createAttributeIndex(strapi, resourceType).drop(build.path);
        await builds.remove(build.id);
      });
    }
    const known = new Set(existing.map((build) => build.path));
    for (const path of configured) if (!known.has(path)) await builds.ensure(resourceType, path);
  };

  /** One batch under the lease; 'done' when no resource is left after the checkpoint, null when the lease is lost. */
  const runBatch = (build: IndexBuildRow, leaf: IndexedLeaf) =>
    strapi.db.transaction(async (): Promise<number | 'done' | null> => {
      if (!(await builds.renew(build.id, owner, build.afterId, new Date(), leaseMs()))) return null;
      const reader = strapi.db
        .queryBuilder(RESOURCE_UID[build.resourceType])
        .select(['id', 'resource'])
        .where({ id: { $gt: build.afterId } })
        .orderBy({ id: 'asc' })
        .limit(BATCH_SIZE);
      // Writers lock the resource row first too (lockByScimId): a concurrent write waits for this batch, or wins.
      if (strapi.db.dialect.client !== 'sqlite') reader.forUpdate();
      const rows = await reader.execute<{ id: number | string; resource: ScimResource | string }[]>();
      if (rows.length === 0) return 'done';
      const resources = rows.map((row) => ({
        id: Number(row.id),
        resource: (typeof row.resource === 'string' ? JSON.parse(row.resource) : row.resource) as ScimResource,
      }));
      await createAttributeIndex(strapi, build.resourceType).rebuild(leaf, resources);
      const afterId = resources[resources.length - 1].id;
      await builds.saveProgress(build.id, afterId);
      return afterId;
    });

  const runBuild = async (claimed: IndexBuildRow, leaf: IndexedLeaf): Promise<void> => {
    let build = claimed;
    for (;;) {
      if (stopping) return builds.release(build.id, owner);
      const outcome = await runBatch(build, leaf);
      if (outcome === null) return;
      if (outcome === 'done') {
        if (await builds.markReady(build.id, owner))
          strapi.log.info(`[scim] attribute index ready: ${build.resourceType} ${build.path}`);
        return;
      }
      build = { ...build, afterId: outcome };
    }
  };

  const runPending = async (): Promise<void> => {
    for (const resourceType of INDEXED_RESOURCE_TYPES) {
      await reconcile(resourceType);
      const leaves = new Map(indexedLeaves(strapi, resourceType).map((leaf) => [leaf.key, leaf]));
      for (const build of await builds.all(resourceType)) {
        const leaf = leaves.get(build.path);
        if (stopping) return;
        if (build.status !== 'building' || leaf === undefined) continue;
        if (!(await builds.claim(build.id, owner, new Date(), leaseMs()))) continue;
        await runBuild(build, leaf);
      }
    }
  };
  const pending = createSerialRun(strapi, 'attribute index back-fill', runPending);

  return {
    /** Brings the index up to the option, unless this instance is already doing so; errors are logged, not thrown. */
    runPending: (): Promise<void> => pending.run(),

    /** The instance is stopping: the current batch finishes, then the lease is given back. */
    async stop(): Promise<void> {
      stopping = true;
      await pending.settled();
    },

    /** The leaves of a resource type that filters may use now. */
    async readyLeaves(resourceType: ResourceTypeId): Promise<Map<string, IndexedLeaf>> {
      const cached = allReady.get(resourceType);
      if (cached) return cached;
      const leaves = indexedLeaves(strapi, resourceType);
      if (leaves.length === 0) return new Map();
      const ready = await builds.readyPaths(resourceType);
      const usable = new Map(leaves.filter((leaf) => ready.has(leaf.key)).map((leaf) => [leaf.key, leaf]));
      if (usable.size === leaves.length) allReady.set(resourceType, usable);
      return usable;
    },

    /**
     * Builds every leaf of a resource type again from the stored resources (a repair, e.g. after instances ran with
     * different options). This instance answers through the JSON functions until the back-fill is done; another
     * instance that saw the index ready keeps using it, and its rows are replaced batch by batch.
     */
    async reindex(resourceType: ResourceTypeId): Promise<void> {
      allReady.delete(resourceType);
      await builds.resetAll(resourceType);
    },
  };
};

export type AttributeIndexBuildsService = ReturnType<typeof createAttributeIndexBuildsService>;
export default createAttributeIndexBuildsService;
