import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../../config';

/**
 * Strapi gives neither admin_users nor up_users an index on email, so every SCIM create's lookup by email (the
 * duplicate check) reads the whole table: 4-5 ms at 30,000 admin users, growing with the directory. Declared on the
 * target's own model in the register phase, the index is created by Strapi's schema sync and, should the plugin be
 * removed or the target change, dropped by it. See docs/decisions/admin-user-create-path.md.
 */
export const HOST_USER_EMAIL_INDEX: Record<PluginConfig['target'], { uid: string; name: string }> = {
  admin: { uid: 'admin::user', name: 'admin_users_scim_email_idx' },
  'users-permissions': { uid: 'plugin::users-permissions.user', name: 'up_users_scim_email_idx' },
};

interface IndexedContentType {
  indexes?: { name: string; columns: string[]; type?: string }[];
}

interface ContentTypesRegistry {
  extend(uid: string, extendFn: (contentType: IndexedContentType) => void): unknown;
}

export const declareHostUserEmailIndex = (strapi: Core.Strapi, target: PluginConfig['target']): void => {
  const { uid, name } = HOST_USER_EMAIL_INDEX[target];
  strapi.get<ContentTypesRegistry>('content-types').extend(uid, (contentType) => {
    const indexes = contentType.indexes ?? [];
    if (indexes.some((index) => index.name === name)) return;
    contentType.indexes = [...indexes, { name, columns: ['email'] }];
  });
};
