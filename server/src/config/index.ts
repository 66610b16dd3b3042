import { z } from 'zod';
import { INVITATION_LOCALES } from '../constants';

/** Options a site owner sets in `config/plugins` under `scim.config`. */
export const pluginConfigSchema = z
  .object({
    /** Where provisioned users live: Strapi admin users, or users-permissions users. */
    target: z.enum(['admin', 'users-permissions']).default('admin'),
    /** Link a provisioned user to an existing host user with the same email instead of answering 409. */
    linkExistingUsers: z.boolean().default(false),
    /**
     * Let SCIM change the email (users-permissions: also username and provider) of a host user it linked rather
     * than created. Off: whoever controls the IdP could otherwise redirect a linked user's password reset.
     */
    updateLinkedUserEmail: z.boolean().default(false),
    /** What DELETE /Users/:id does to the host user: deactivate it (default) or delete it. */
    onDelete: z.enum(['deactivate', 'delete']).default('deactivate'),
    /** The `provider` of users-permissions users SCIM creates, so that SSO logins match them. */
    usersPermissionsProvider: z.string().min(1).default('local'),
    /** Let a group-to-role mapping hand out the Super Admin role. Off by default. */
    allowSuperAdmin: z.boolean().default(false),
    /** Let the admin panel show a secret again from its encrypted copy; off: shown once, at creation only. */
    allowSecretReveal: z.boolean().default(true),
    /** Activity entries older than this many days are pruned. */
    activityRetentionDays: z.number().int().min(1).default(90),
    /** At most this many activity entries are kept; the oldest go first. */
    activityMaxEntries: z.number().int().min(100).default(100_000),
    /**
     * At most this many refused-request entries (401, 503; one per client address and minute) are kept, apart
     * from `activityMaxEntries`; the oldest go first.
     */
    refusedMaxEntries: z.number().int().min(100).default(10_000),
    /** Failed SCIM authentications allowed per client address and minute before it gets 429; 0 turns it off. */
    authFailuresPerMinute: z.number().int().min(0).default(20),
    /** Requests allowed per secret and second before 429; 0 (the default) means no ceiling. */
    secretRequestsPerSecond: z.number().int().min(0).default(0),
    /**
     * SCIM User attributes copied onto fields of the target's user content type in production mode, e.g.
     * `{ path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', field: 'department' }`.
     * Checked against the content type at startup.
     */
    attributeMappings: z
      .array(z.object({ path: z.string().min(1).max(500), field: z.string().min(1).max(100) }).strict())
      .max(50)
      .default([]),
    /**
     * Attributes without a column of their own to keep in an index table, per resource type, so that a filter on
     * them (typically the identity provider's matching attribute) costs what a `userName` lookup costs, e.g.
     * `{ User: ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', 'emails.type', 'emails.value'] }`.
     * A complex attribute (`emails`) stands for its simple sub-attributes. Checked against the schema at startup.
     */
    indexedAttributes: z
      .object({
        User: z.array(z.string().min(1).max(500)).max(20).default([]),
        Group: z.array(z.string().min(1).max(500)).max(20).default([]),
      })
      .strict()
      .default({ User: [], Group: [] }),
    /**
     * How long an instance holds a production job's lease without renewing it (it renews with every batch). After a
     * crash, another instance (or the restarted one) resumes the job once this has passed.
     */
    jobLeaseSeconds: z.number().int().min(5).max(3600).default(60),
    /**
     * Invitation emails to the admin users SCIM creates (sent only when Strapi's email plugin has a provider other
     * than its default sendmail; turned on and off in the panel). `locale` picks the template's language.
     */
    invitations: z
      .object({ locale: z.enum(INVITATION_LOCALES).default('en') })
      .strict()
      .default({ locale: 'en' }),
  })
  .strict();

export type PluginConfig = z.infer<typeof pluginConfigSchema>;

const describeIssue = (issue: z.core.$ZodIssue): string => {
  const option = issue.path.length ? issue.path.join('.') : '(root)';
  return `scim plugin config: option "${option}": ${issue.message}`;
};

export default {
  default: (): PluginConfig => pluginConfigSchema.parse({}),
  validator(config: unknown): void {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      throw new Error(result.error.issues.map(describeIssue).join('; '));
    }
  },
};
