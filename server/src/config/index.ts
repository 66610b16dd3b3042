import { z } from 'zod';

/** Options a site owner sets in `config/plugins` under `scim.config`. */
export const pluginConfigSchema = z
  .object({
    target: z.enum(['admin', 'users-permissions']).default('admin'),
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
