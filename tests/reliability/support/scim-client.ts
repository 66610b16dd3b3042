import type { JsonBody } from '../../integration/support/json-body';

/** What an identity provider sees of one request: the status, or 0 when no answer came (connection cut). */
export interface Answer {
  status: number;
  body: JsonBody;
}

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export const isSuccess = (answer: { status?: number }) =>
  answer.status !== undefined && answer.status >= 200 && answer.status < 300;

/** One SCIM call; a refused or cut connection, or a timeout, is an answer with status 0, as an IdP logs it. */
export const scimCall = async (
  url: string,
  secret: string,
  init: { method?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> => {
  try {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${secret}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: 0, body: undefined };
  }
};

/** The admin API of one instance, as the admin panel calls it. */
export const adminCall = async (baseUrl: string, token: string, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

export const patchOp = (...operations: unknown[]) => ({ schemas: [PATCH_OP], Operations: operations });

export const userBody = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [USER_URN],
  userName,
  externalId: `ext-${userName}`,
  name: { givenName: 'Crash', familyName: 'Test' },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
  ...extra,
});

export const byUserName = (userName: string) =>
  `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`;
