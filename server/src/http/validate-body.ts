import { errors } from '@strapi/utils';
import type { z } from 'zod';

/** Parses an admin API body with zod; a failure is a 400 whose message names the offending field. */
export const validateBody = <S extends z.ZodType>(schema: S, body: unknown): z.infer<S> => {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => {
    const field = issue.path.join('.');
    const keys = (issue as { keys?: string[] }).keys;
    if (issue.code === 'unrecognized_keys' && keys) return `unknown field ${keys.map((k) => `"${k}"`).join(', ')}`;
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  throw new errors.ValidationError(messages.join('; '));
};
