import type { Core } from '@strapi/strapi';

/**
 * Strapi gives admin_users no index on email, so every SCIM create's lookup by email (the duplicate check) reads
 * the whole table: 4-5 ms at 30,000 admin users, growing with the directory. Declared on Strapi's own model in the
 * register phase, the index is created by Strapi's schema sync and, should the plugin be removed, dropped by it.
 * See docs/decisions/admin-user-create-path.md.
 */
export const ADMIN_USER_EMAIL_INDEX = 'admin_users_scim_email_idx';

interface IndexedContentType {
  indexes?: { name: string; columns: string[]; type?: string }[];
}

interface ContentTypesRegistry {
  extend(uid: string, extendFn: (contentType: IndexedContentType) => void): unknown;
}

export const declareAdminUserEmailIndex = (strapi: Core.Strapi): void => {
  strapi.get<ContentTypesRegistry>('content-types').extend('admin::user', (contentType) => {
    const indexes = contentType.indexes ?? [];
    if (indexes.some((index) => index.name === ADMIN_USER_EMAIL_INDEX)) return;
    contentType.indexes = [...indexes, { name: ADMIN_USER_EMAIL_INDEX, columns: ['email'] }];
  });
};
