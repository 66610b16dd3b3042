import { ScimError } from '../../scim/errors';
import type { ApplyResult, HostUserWrite } from './types';

/** What differs between the targets in the create-link-or-update decision they share. */
export interface ApplySteps<Row> {
  /** The host user model as the site owner knows it: "Strapi admin user", "Strapi user". */
  noun: string;
  /** Plural for the missing-role message: "admin users", "users". */
  plural: string;
  findUser(where: { id: number } | { email: string }): Promise<Row | null>;
  update(write: HostUserWrite, linked: boolean, existing: Row): Promise<ApplyResult>;
  /** Creates the host user and returns its id; called only with an email and at least one role. */
  create(write: HostUserWrite): Promise<number>;
}

/**
 * The linked host user is updated; else the host user with the same email is linked (linkExistingUsers) or
 * refused with 409; else a new host user is created, if a role is available.
 */
export const applyUserWith = async <Row>(steps: ApplySteps<Row>, write: HostUserWrite): Promise<ApplyResult> => {
  const { user, hostUserId, roleIds, linkExisting } = write;
  if (!user.email) {
    return {
      applied: false,
      reason: `A ${steps.noun} needs an email address: send emails, or a userName that is an email address`,
    };
  }
  const linked = hostUserId === null ? null : await steps.findUser({ id: hostUserId });
  if (linked) return steps.update(write, true, linked);
  const sameEmail = await steps.findUser({ email: user.email });
  if (sameEmail) {
    if (!linkExisting) {
      throw ScimError.conflict(
        `A ${steps.noun} with the email ${user.email} already exists and was not created by SCIM; set the plugin option linkExistingUsers to link them`,
      );
    }
    return steps.update(write, false, sameEmail);
  }
  if (roleIds.length === 0) return { applied: false, reason: `No default role is available for new ${steps.plural}` };
  return { applied: true, hostUserId: await steps.create(write), action: 'created' };
};
