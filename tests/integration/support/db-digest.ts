import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** What a SCIM request may write: the plugin's records, its settings and the host users. */
// The stored SCIM resource (JSON, possibly large) is left out: every write to it bumps `version`.
const TABLES: { uid: string; select: string[]; populate?: Record<string, unknown> }[] = [
  {
    uid: 'plugin::scim.scim-user',
    select: [
      'id',
      'scimId',
      'userNameKey',
      'externalId',
      'active',
      'version',
      'updatedAt',
      'hostUserId',
      'hostTarget',
      'applied',
      'notAppliedReason',
      'emailKey',
    ],
  },
  { uid: 'plugin::scim.scim-group', select: ['id', 'scimId', 'displayNameKey', 'externalId', 'version', 'updatedAt'] },
  { uid: 'plugin::scim.scim-membership', select: ['id', 'groupRef', 'userRef'] },
  { uid: 'plugin::scim.released-link', select: ['id', 'externalId', 'target', 'hostUserId'] },
  // lastUsedAt is written by a successful authentication, rejected request or not.
  { uid: 'plugin::scim.secret', select: ['id', 'hash', 'label'] },
  {
    uid: 'admin::user',
    select: ['id', 'email', 'firstname', 'lastname', 'isActive', 'blocked', 'updatedAt'],
    populate: { roles: { select: ['id'] } },
  },
  {
    uid: 'plugin::users-permissions.user',
    select: ['id', 'email', 'username', 'blocked', 'confirmed', 'updatedAt'],
    populate: { role: { select: ['id'] } },
  },
];

/**
 * A digest of everything a SCIM request can change, but not the activity log (a rejected request is
 * recorded there on purpose). Meant for small seeded data: it reads every row.
 */
export const databaseDigest = async (strapi: Core.Strapi): Promise<string> => {
  const [settings, ...tables] = await Promise.all([
    strapi.store.get({ type: 'plugin', name: 'scim', key: 'settings' }),
    ...TABLES.map(({ uid, select, populate }) =>
      strapi.db.query(uid).findMany({ select, orderBy: { id: 'asc' }, ...(populate ? { populate } : {}) }),
    ),
  ]);
  return createHash('sha256')
    .update(JSON.stringify([settings, tables]))
    .digest('hex');
};
