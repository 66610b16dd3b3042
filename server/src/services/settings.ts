import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { PLUGIN_ID } from '../constants';
import { APP_ROLE_MATCHES, type AppRoleMapping } from './app-role-mapping';
import type { GroupRoleMapping } from './role-mapping';
import { createGroupRepository } from './store/group-repository';
import { getHostTarget, type HostRole } from './targets';
import { getPluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';

const STORE_KEY = { type: 'plugin', name: PLUGIN_ID, key: 'settings' } as const;

/** What is persisted; anything unreadable falls back to the defaults rather than breaking the endpoint. */
const storedSettingsSchema = z.object({
  enabled: z.boolean().catch(false).default(false),
  productionMode: z.boolean().catch(false).default(false),
  defaultRoleId: z.number().int().positive().nullable().catch(null).default(null),
  endpointId: z.uuid().nullable().catch(null).default(null),
  groupRoleMappings: z
    .array(z.object({ groupId: z.string(), roleId: z.number().int().positive() }))
    .catch([])
    .default([]),
  appRoleMatch: z.enum(APP_ROLE_MATCHES).catch('off').default('off'),
  appRoleMappings: z
    .array(z.object({ value: z.string(), roleId: z.number().int().positive() }))
    .catch([])
    .default([]),
  invitationsEnabled: z.boolean().catch(true).default(true),
});

export type StoredSettings = z.infer<typeof storedSettingsSchema>;

export const settingsUpdateSchema = z
  .object({
    enabled: z.boolean(),
    productionMode: z.boolean(),
    defaultRoleId: z.number().int().positive(),
    groupRoleMappings: z
      .array(z.object({ groupId: z.string().min(1), roleId: z.number().int().positive() }).strict())
      .max(200),
    appRoleMatch: z.enum(APP_ROLE_MATCHES),
    appRoleMappings: z
      .array(z.object({ value: z.string().trim().min(1).max(255), roleId: z.number().int().positive() }).strict())
      .max(200),
    invitationsEnabled: z.boolean(),
  })
  .partial()
  .strict();

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export interface EffectiveSettings extends StoredSettings {
  /** The stored default role, or the target's fallback (Author / Authenticated) when none is stored. */
  defaultRoleId: number | null;
}

const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const readStored = async (): Promise<StoredSettings> => {
    const raw = await strapi.store.get(STORE_KEY);
    return storedSettingsSchema.parse(raw ?? {});
  };

  const writeStored = async (value: StoredSettings) => {
    await strapi.store.set({ ...STORE_KEY, value });
  };

  const assertAssignableRole = async (
    roleId: number,
    field = 'defaultRoleId',
    allowPrivileged = false,
  ): Promise<HostRole> => {
    const target = getHostTarget(strapi);
    const role = (await target.listRoles()).find((candidate) => candidate.id === roleId);
    if (!role) throw new errors.ValidationError(`${field}: no role with id ${roleId}`);
    if (target.isPrivilegedRole(role) && !allowPrivileged) {
      throw new errors.ValidationError(`${field}: SCIM cannot hand out the role "${role.name}"`);
    }
    return role;
  };

  const assertValidMappings = async (mappings: GroupRoleMapping[]) => {
    const allowSuperAdmin = getPluginConfig(strapi).allowSuperAdmin;
    const known = await createGroupRepository(strapi).refsOf(mappings.map((mapping) => mapping.groupId));
    for (const [index, mapping] of mappings.entries()) {
      if (!known.has(mapping.groupId)) {
        throw new errors.ValidationError(
          `groupRoleMappings.${index}.groupId: no provisioned group with id ${mapping.groupId}`,
        );
      }
      await assertAssignableRole(mapping.roleId, `groupRoleMappings.${index}.roleId`, allowSuperAdmin);
    }
  };

  const assertValidAppRoleMappings = async (mappings: AppRoleMapping[]) => {
    const allowSuperAdmin = getPluginConfig(strapi).allowSuperAdmin;
    for (const [index, mapping] of mappings.entries()) {
      await assertAssignableRole(mapping.roleId, `appRoleMappings.${index}.roleId`, allowSuperAdmin);
    }
  };

  return {
    /**
     * Read on every call: two Strapi instances on one database always agree. With no stored default role the
     * host's fallback role is looked up, unless `withFallbackRole` is false (a SCIM read, which assigns no role).
     */
    async get({ withFallbackRole = true }: { withFallbackRole?: boolean } = {}): Promise<EffectiveSettings> {
      const stored = await readStored();
      if (stored.defaultRoleId !== null || !withFallbackRole) return stored;
      const target = getHostTarget(strapi);
      const fallback = (await target.listRoles()).find((role) => target.isFallbackDefaultRole(role));
      return { ...stored, defaultRoleId: fallback?.id ?? null };
    },

    /** Validates, then writes the change and records what it asks of the production jobs in one transaction. */
    async update(input: SettingsUpdate, requestedBy: string | null = null): Promise<EffectiveSettings> {
      if (input.defaultRoleId !== undefined) await assertAssignableRole(input.defaultRoleId);
      if (input.groupRoleMappings !== undefined) await assertValidMappings(input.groupRoleMappings);
      if (input.appRoleMappings !== undefined) await assertValidAppRoleMappings(input.appRoleMappings);
      const jobs = getService(strapi, 'productionJobs');
      const queued = await strapi.db.transaction(async () => {
        const stored = await readStored();
        const next: StoredSettings = { ...stored, ...input };
        if (next.enabled && !next.endpointId) next.endpointId = randomUUID();
        await writeStored(next);
        return jobs.followSettingsChange(stored, next, requestedBy);
      });
      if (queued) void jobs.runPending();
      return this.get();
    },

    /** A new endpoint id: the old SCIM URL stops answering at once. */
    async regenerateEndpoint(): Promise<EffectiveSettings> {
      await strapi.db.transaction(async () => {
        const stored = await readStored();
        await writeStored({ ...stored, endpointId: randomUUID() });
      });
      return this.get();
    },

    listRoles: () => getHostTarget(strapi).listRoles(),
  };
};

export type SettingsService = ReturnType<typeof createSettingsService>;
export default createSettingsService;
