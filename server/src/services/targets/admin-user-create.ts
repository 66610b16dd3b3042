import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

/**
 * Creating an admin user through Strapi's own `admin::user` service, minus the telemetry reads that make it grow
 * with the directory. On every create Strapi reads every admin user's language (`afterCreate` subscriber on
 * `admin::user` -> metrics `sendDidChangeInterfaceLanguage` -> `getLanguagesInUse`) and counts all admin users
 * (`create` -> metrics `sendDidInviteUser` -> `count()`); both results only feed `strapi.telemetry.send`. Inside
 * the creates made here, with telemetry off (where `send` does nothing) neither read runs; with telemetry on each
 * read is shared by the creates of one second. Everything else is Strapi's own code: the row, the registration
 * token, the role links, the lifecycles and the `user.create` event. See docs/decisions/admin-user-create-path.md.
 */

interface AdminUserService {
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
  getLanguagesInUse?: () => Promise<string[]>;
  count?: (...where: unknown[]) => Promise<number>;
}

interface AdminMetricsService {
  sendDidInviteUser?: () => Promise<void>;
}

interface ServicesRegistry {
  extend<T>(uid: string, extendFn: (service: T) => T): unknown;
}

/** How long, with telemetry on, one telemetry read serves the creates that follow. */
export const SHARED_TELEMETRY_READ_MS = 1_000;

const insideScimCreate = new AsyncLocalStorage<true>();
const installed = new WeakSet<Core.Strapi>();

/** One call of `read` serves every caller of the next `SHARED_TELEMETRY_READ_MS`; a failed read serves nobody. */
const sharedPerSecond = <T>(read: () => Promise<T>) => {
  let shared: { startedAt: number; result: Promise<T> } | null = null;
  return (): Promise<T> => {
    const now = Date.now();
    if (!shared || now - shared.startedAt >= SHARED_TELEMETRY_READ_MS) {
      const result = read();
      shared = { startedAt: now, result };
      result.catch(() => {
        if (shared?.result === result) shared = null;
      });
    }
    return shared.result;
  };
};

/**
 * Wraps the telemetry reads once per Strapi instance. Calls made outside {@link createAdminUser} reach Strapi's
 * functions unchanged. Returns the wrapped functions that exist; the equivalence test says when Strapi moves them.
 */
export const installAdminUserCreatePath = (strapi: Core.Strapi): string[] => {
  const services = strapi.get<ServicesRegistry>('services');
  const wrapped: string[] = [];
  if (installed.has(strapi)) return wrapped;
  installed.add(strapi);
  const telemetryOff = () => strapi.telemetry.isDisabled;

  const users = strapi.service('admin::user') as unknown as AdminUserService | undefined;
  const { getLanguagesInUse, count } = users ?? {};
  if (typeof getLanguagesInUse === 'function') {
    const shared = sharedPerSecond(getLanguagesInUse);
    const scoped = () => {
      if (!insideScimCreate.getStore()) return getLanguagesInUse();
      return telemetryOff() ? Promise.resolve([]) : shared();
    };
    services.extend<AdminUserService>('admin::user', (current) => ({ ...current, getLanguagesInUse: scoped }));
    wrapped.push('admin::user.getLanguagesInUse');
  }
  if (typeof count === 'function') {
    // Only the count of all admin users is shared: the one metrics' sendDidInviteUser asks for.
    const shared = sharedPerSecond(() => count());
    const scoped = (...where: unknown[]) =>
      insideScimCreate.getStore() && where.length === 0 && !telemetryOff() ? shared() : count(...where);
    services.extend<AdminUserService>('admin::user', (current) => ({ ...current, count: scoped }));
    wrapped.push('admin::user.count');
  }

  const metrics = strapi.service('admin::metrics') as unknown as AdminMetricsService | undefined;
  const sendDidInviteUser = metrics?.sendDidInviteUser;
  if (typeof sendDidInviteUser === 'function') {
    const scoped = () => (insideScimCreate.getStore() && telemetryOff() ? Promise.resolve() : sendDidInviteUser());
    services.extend<AdminMetricsService>('admin::metrics', (current) => ({ ...current, sendDidInviteUser: scoped }));
    wrapped.push('admin::metrics.sendDidInviteUser');
  }
  return wrapped;
};

/** `strapi.service('admin::user').create(attributes)`, without the per-create telemetry reads of every admin user. */
export const createAdminUser = async (strapi: Core.Strapi, attributes: Record<string, unknown>): Promise<number> => {
  installAdminUserCreatePath(strapi);
  const service = strapi.service('admin::user') as unknown as AdminUserService;
  return (await insideScimCreate.run(true, () => service.create(attributes))).id;
};
