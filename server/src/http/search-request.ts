import { z } from 'zod';
import { ScimError } from '../scim/errors';

/**
 * The body of POST /<Resources>/.search (RFC 7644 §3.4.3) and the single-valued query parameters of a
 * GET list, shared by /Users and /Groups.
 */
export const SEARCH_REQUEST_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

/**
 * Bounds on the body's text before any of it is parsed: attribute lists and sortBy/sortOrder, as long as a
 * filter may be (the filter itself is bounded by the filter parser). An identity provider sends a few dozen
 * characters; a body may hold 1 MiB.
 */
export const MAX_PARAMETER_LENGTH = 4096;

const boundedText = z.string().max(MAX_PARAMETER_LENGTH, { error: `longer than ${MAX_PARAMETER_LENGTH} characters` });

const attributeList = z
  .union([z.string(), z.array(z.string()).transform((names) => names.join(','))])
  .pipe(boundedText)
  .optional();

const searchRequestSchema = z.object({
  schemas: z.array(z.string()).optional(),
  filter: z.string().optional(),
  startIndex: z.union([z.number(), z.string()]).optional(),
  count: z.union([z.number(), z.string()]).optional(),
  sortBy: boundedText.optional(),
  sortOrder: boundedText.optional(),
  attributes: attributeList,
  excludedAttributes: attributeList,
});

export type SearchRequest = z.infer<typeof searchRequestSchema>;

export const readSearchRequest = (body: unknown): SearchRequest => {
  const parsed = searchRequestSchema.safeParse(body ?? {});
  if (!parsed.success)
    throw ScimError.badRequest('invalidSyntax', `Invalid SearchRequest: ${parsed.error.issues[0].message}`);
  if (parsed.data.schemas && !parsed.data.schemas.includes(SEARCH_REQUEST_URN)) {
    throw ScimError.badRequest('invalidSyntax', `A SearchRequest must list the schema ${SEARCH_REQUEST_URN}`);
  }
  return parsed.data;
};

export const singleQueryValue = (value: unknown): string | undefined => {
  if (Array.isArray(value)) throw ScimError.badRequest('invalidValue', 'A query parameter is given more than once');
  return typeof value === 'string' ? value : undefined;
};
