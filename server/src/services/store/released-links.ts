import type { Core } from '@strapi/strapi';
import type { HostOrigin } from './host-origin';
import type { RowQuery } from './row-query';

const UID = 'plugin::scim.released-link';

export interface ReleasedLink {
  hostUserId: number;
  /** null on links released before 0.2 */
  hostOrigin: HostOrigin | null;
  /** The host user's updatedAt right after the release wrote to it; null on links released before 0.2. */
  hostUpdatedAt: Date | null;
}

/** A released_links row as the database driver returns it: a date column may come back as a string or a number. */
interface ReleasedLinkRow {
  hostUserId: number;
  hostOrigin: HostOrigin | null | undefined;
  hostUpdatedAt: Date | string | number | null | undefined;
}

/**
 * When a SCIM user is deleted, its host user is kept (deactivated) and remembered by externalId; a later
 * create with the same externalId may take that host user back instead of colliding with its email.
 */
export const createReleasedLinks = (strapi: Core.Strapi) => {
  const query = (): RowQuery<ReleasedLinkRow> => strapi.db.query(UID);
  return {
    async remember(externalId: string, target: string, link: ReleasedLink): Promise<void> {
      await query().deleteMany({ where: { externalId, target } });
      await query().create({ data: { externalId, target, ...link } });
    },
    async find(externalId: string, target: string): Promise<ReleasedLink | null> {
      const row = await query().findOne({ where: { externalId, target }, orderBy: { id: 'desc' } });
      if (!row) return null;
      return {
        hostUserId: row.hostUserId,
        hostOrigin: row.hostOrigin ?? null,
        hostUpdatedAt: row.hostUpdatedAt ? new Date(row.hostUpdatedAt) : null,
      };
    },
    /** How many links were forgotten (0 when none was remembered). */
    async forget(externalId: string, target: string): Promise<number> {
      const { count } = await query().deleteMany({ where: { externalId, target } });
      return Number(count);
    },
  };
};
