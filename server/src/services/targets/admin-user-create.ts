import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

/**
 * Creating an admin user through Strapi's own `admin::user` service, minus the one read that makes it grow with the
 * directory. Strapi's `afterCreate` subscriber on `admin::user` (telemetry: `didChangeInterfaceLanguage`) calls the
 * service's `getLanguagesInUse`, which reads every admin user on every create. Inside the creates made here that
 * read is skipped when telemetry is off (its result only feeds `strapi.telemetry.send`, a no-op then) and shared by
 * the creates of one second when telemetry is on. Everything else is Strapi's own code: the row, the registration
 * token, the role links, the lifecycles and the `user.create` event. See docs/decisions/admin-user-create-path.md.
 */

interface AdminUserService {
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
  getLanguagesInUse?: () => Promise<string[]>;
}

interface ServicesRegistry {
  extend(uid: string, extendFn: (service: AdminUserService) => AdminUserService): unknown;
}

/** How long, with telemetry on, one read of every admin user's language serves the creates that follow. */
export const SHARED_LANGUAGES_READ_MS = 1_000;

const insideScimCreate = new AsyncLocalStorage<true>();
const installed = new WeakSet<Core.Strapi>();

/**
 * Wraps `admin::user`'s `getLanguagesInUse` once per Strapi instance (bootstrap). Calls made outside
 * {@link createAdminUser} reach Strapi's function unchanged. Returns false when the service no longer has it
 * (the read moved or is gone upstream; the equivalence test then says which).
 */
export const installAdminUserCreatePath = (strapi: Core.Strapi): boolean => {
  if (installed.has(strapi)) return true;
  const service = strapi.service('admin::user') as unknown as AdminUserService | undefined;
  const original = service?.getLanguagesInUse;
  if (typeof original !== 'function') return false;
  let shared: { startedAt: number; read: Promise<string[]> } | null = null;
  const sharedRead = () => {
    const now = Date.now();
    if (!shared || now - shared.startedAt >= SHARED_LANGUAGES_READ_MS) {
      const read = original();
      shared = { startedAt: now, read };
      // A failed read is not served to the next create.
      read.catch(() => {
        if (shared?.read === read) shared = null;
      });
    }
    return shared.read;
  };
  const getLanguagesInUse = () => {
    if (!insideScimCreate.getStore()) return original();
    return strapi.telemetry.isDisabled ? Promise.resolve([]) : sharedRead();
  };
  strapi.get<ServicesRegistry>('services').extend('admin::user', (current) => ({ ...current, getLanguagesInUse }));
  installed.add(strapi);
  return true;
};

/** `strapi.service('admin::user').create(attributes)`, without the per-create read of every admin user. */
export const createAdminUser = async (strapi: Core.Strapi, attributes: Record<string, unknown>): Promise<number> => {
  installAdminUserCreatePath(strapi);
  const service = strapi.service('admin::user') as unknown as AdminUserService;
  return (await insideScimCreate.run(true, () => service.create(attributes))).id;
};
