import { z } from 'zod';
import type { ConnectionOutcome, ConnectionTestResponse } from '../contracts';

const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const PROBE_TIMEOUT_MS = 5_000;

export const connectionTestSchema = z
  .object({
    outcome: z.enum([
      'reachable',
      'disabled',
      'no-endpoint',
      'no-public-url',
      'dns-failure',
      'refused',
      'tls-error',
      'timeout',
      'redirect',
      'not-found',
      'unexpected-answer',
      'network-error',
    ]),
    url: z.string().nullable(),
    status: z.number().int().nullable(),
    detail: z.string().max(300).nullable(),
    durationMs: z.number().int().min(0),
  })
  .strict() satisfies z.ZodType<ConnectionTestResponse>;

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const TLS_CODE_PREFIXES = [
  'ERR_SSL_',
  'ERR_TLS_',
  'CERT_',
  'DEPTH_ZERO_',
  'SELF_SIGNED_',
  'UNABLE_TO_GET_',
  'UNABLE_TO_VERIFY_',
];
const isTlsCode = (code: string) => code === 'EPROTO' || TLS_CODE_PREFIXES.some((prefix) => code.startsWith(prefix));

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
}

// Not `instanceof Error`: fetch's errors (a DOMException on timeout) may come from another realm.
const asErrorLike = (value: unknown): ErrorLike | null => (typeof value === 'object' && value !== null ? value : null);

/** The innermost error code of a failed fetch (undici wraps the socket's error in `cause`). */
const errorCode = (error: unknown): string | null => {
  let current = asErrorLike(error);
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (typeof current.code === 'string' && !current.code.startsWith('UND_ERR_')) return current.code;
    current = asErrorLike(current.cause);
  }
  return null;
};

const failureOutcome = (error: unknown, code: string | null): ConnectionOutcome => {
  const name = asErrorLike(error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (code === null) return 'network-error';
  if (DNS_CODES.has(code)) return 'dns-failure';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ETIMEDOUT' || code === 'ECONNRESET') return code === 'ETIMEDOUT' ? 'timeout' : 'network-error';
  return isTlsCode(code) ? 'tls-error' : 'network-error';
};

/** A SCIM error body (RFC 7644 §3.12) from this endpoint, not a proxy's or another app's page. */
const isScimError = async (response: Response): Promise<boolean> => {
  try {
    const body = (await response.json()) as { schemas?: unknown };
    return Array.isArray(body.schemas) && body.schemas.includes(SCIM_ERROR_SCHEMA);
  } catch {
    return false;
  }
};

const answerOutcome = async (response: Response): Promise<ConnectionOutcome> => {
  if (response.status >= 300 && response.status < 400) return 'redirect';
  if (response.status === 404) return 'not-found';
  if (response.status !== 401 && response.status !== 503) return 'unexpected-answer';
  if (!(await isScimError(response))) return 'unexpected-answer';
  return response.status === 401 ? 'reachable' : 'disabled';
};

/**
 * Calls `<endpointUrl>/ServiceProviderConfig` with no secret, as an identity provider's first request would
 * reach it, and says what came back. Redirects are reported, never followed, so the call stays on the URL given.
 */
export const probeEndpoint = async (
  endpointUrl: string,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ConnectionTestResponse> => {
  const url = `${endpointUrl}/ServiceProviderConfig`;
  const started = Date.now();
  const finish = (outcome: ConnectionOutcome, status: number | null, detail: string | null) =>
    connectionTestSchema.parse({
      outcome,
      url,
      status,
      detail: detail?.slice(0, 300) ?? null,
      durationMs: Date.now() - started,
    });
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { accept: 'application/scim+json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const outcome = await answerOutcome(response);
    return finish(outcome, response.status, outcome === 'redirect' ? response.headers.get('location') : null);
  } catch (error) {
    const code = errorCode(error);
    return finish(failureOutcome(error, code), null, code);
  }
};
