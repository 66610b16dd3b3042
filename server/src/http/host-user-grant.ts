import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { HostUserGrantResponse } from '../contracts';
import { getPluginConfig } from '../utils/plugin-config';

/**
 * The Strapi permission that lets an admin create host users with a role, per target: SCIM hands out no more
 * than the acting admin could hand out in Strapi itself (docs/security.md, "Who may change what SCIM hands out").
 */
const GRANTS = {
  admin: { action: 'admin::users.create', subject: null, field: null, label: 'Users: Create' },
  'users-permissions': {
    action: 'plugin::content-manager.explorer.create',
    subject: 'plugin::users-permissions.user',
    field: 'role',
    label: 'Content Manager, User: Create (with its role field)',
  },
} as const;

interface Ability {
  can(action: string, subject?: string, field?: string): boolean;
}

const grantFor = (strapi: Core.Strapi) => GRANTS[getPluginConfig(strapi).target];

const hasGrant = (strapi: Core.Strapi, ctx: Context): boolean => {
  const grant = grantFor(strapi);
  const ability = ctx.state.userAbility as Ability | undefined;
  if (!ability) return false;
  return grant.subject === null ? ability.can(grant.action) : ability.can(grant.action, grant.subject, grant.field);
};

export const hostUserGrant = (strapi: Core.Strapi, ctx: Context): HostUserGrantResponse => {
  const grant = grantFor(strapi);
  return { allowed: hasGrant(strapi, ctx), permission: grant.action, permissionLabel: grant.label };
};

/**
 * Refuses with Strapi's 403 body, naming the missing permission. A PolicyError, not a plain ForbiddenError:
 * Strapi's route composer replaces a ForbiddenError thrown by a handler with a bare "Forbidden".
 */
export const assertHostUserGrant = (strapi: Core.Strapi, ctx: Context, what: string): void => {
  if (hasGrant(strapi, ctx)) return;
  const grant = grantFor(strapi);
  const subject = grant.subject ? ` on ${grant.subject}` : '';
  throw new errors.PolicyError(
    `${what} needs the "${grant.action}" permission${subject} ("${grant.label}"): ` +
      'SCIM hands out Strapi users and roles only for an admin who could create them in Strapi itself',
    { missingPermission: { action: grant.action, subject: grant.subject, field: grant.field } },
  );
};
