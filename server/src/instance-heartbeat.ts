import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { getPluginConfig } from './utils/plugin-config';
import { getService } from './utils/get-service';

const INSTANCE_UID = 'plugin::scim.instance';
export const HEARTBEAT_INTERVAL_MS = 5_000;
/** An instance that missed three heartbeats no longer takes a share of the ceiling. */
const LIVE_WITHIN_MS = 3 * HEARTBEAT_INTERVAL_MS;
/** Rows of instances gone for this long (crashed, never stopped cleanly) are deleted. */
const FORGET_AFTER_MS = 10 * 60_000;

const instanceId = randomUUID();
let timer: NodeJS.Timeout | null = null;

/**
 * One row write and one count every HEARTBEAT_INTERVAL_MS, whatever the traffic: each instance learns how many
 * instances are live and enforces its share of `secretRequestsPerSecond` in memory, so that the ceiling holds
 * across instances without a write per request (docs/decisions/auth-throttling.md).
 */
export const beat = async (strapi: Core.Strapi, now = new Date()): Promise<number> => {
  const rows = strapi.db.query(INSTANCE_UID);
  const updated = await rows.updateMany({ where: { instanceId }, data: { seenAt: now } });
  if (Number(updated.count) === 0) await rows.createMany({ data: [{ instanceId, seenAt: now }] });
  await rows.deleteMany({ where: { seenAt: { $lt: new Date(now.getTime() - FORGET_AFTER_MS) } } });
  const live = Number(await rows.count({ where: { seenAt: { $gt: new Date(now.getTime() - LIVE_WITHIN_MS) } } }));
  getService(strapi, 'throttle').setLiveInstances(live);
  return live;
};

const beatSafely = async (strapi: Core.Strapi) => {
  try {
    await beat(strapi);
  } catch (error) {
    strapi.log.error(`[scim] instance heartbeat failed: ${(error as Error).message}`);
  }
};

/** Only with a per-secret ceiling: without one, nothing needs the instance count. */
export const startInstanceHeartbeat = async (strapi: Core.Strapi) => {
  if (!getPluginConfig(strapi).secretRequestsPerSecond) return;
  await beatSafely(strapi);
  timer = setInterval(() => void beatSafely(strapi), HEARTBEAT_INTERVAL_MS);
  timer.unref();
};

export const stopInstanceHeartbeat = async (strapi: Core.Strapi) => {
  if (!timer) return;
  clearInterval(timer);
  timer = null;
  try {
    await strapi.db.query(INSTANCE_UID).deleteMany({ where: { instanceId } });
  } catch {
    // The row is forgotten after FORGET_AFTER_MS, and stops counting as live after LIVE_WITHIN_MS.
  }
};
