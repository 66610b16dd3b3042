/** Strapi's admin-user service as the benchmarks call it, and the attributes the plugin's admin target gives it. */
import type { BenchApp } from './bench-app';

/** The part of Strapi's `admin::user` service the benchmarks call. */
export interface AdminUserService {
  create(attributes: Record<string, unknown>): Promise<unknown>;
  getLanguagesInUse(): Promise<unknown>;
}

export const adminUserService = (bench: BenchApp): AdminUserService =>
  bench.strapi.service('admin::user') as unknown as AdminUserService;

/** A new admin user as the admin target creates one: email, names, active, the settings' default role. */
export const adminUserAttributes = (bench: BenchApp, key: string) => ({
  email: `${key}@floor.example.com`,
  firstname: 'Given',
  lastname: 'Floor',
  isActive: true,
  roles: [bench.defaultRoleId],
});

/** An `admin_users` row written straight with knex, to fill the table to a directory size (no roles, no events). */
export const fillerAdminRow = (n: number) => ({
  email: `fill${n}@x.example.com`,
  firstname: 'F',
  lastname: 'L',
  is_active: true,
  blocked: false,
  document_id: `fill${n}`,
  created_at: new Date(),
  updated_at: new Date(),
});
