import type { Core } from '@strapi/strapi';

const UID = 'plugin::scim.released-link';

/**
 * When a SCIM user is deleted, its host user is kept (deactivated) and remembered by externalId; a later
 * create with the same externalId takes that host user back instead of colliding with its email.
 */
export const createReleasedLinks = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(UID);
  return {
    async remember(externalId: string, target: string, hostUserId: number): Promise<void> {
      await query().deleteMany({ where: { externalId, target } });
      await query().create({ data: { externalId, target, hostUserId } });
    },
    /** The remembered host user for this externalId, removed from the list as it is taken back. */
    async takeBack(externalId: string, target: string): Promise<number | null> {
      const row = await query().findOne({ where: { externalId, target }, orderBy: { id: 'desc' } });
      if (!row) return null;
      await query().deleteMany({ where: { externalId, target } });
      return row.hostUserId as number;
    },
  };
};
