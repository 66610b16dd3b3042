import type { JsonBody } from '../../integration/support/json-body';

export interface JsonResponse<T = JsonBody> {
  status: number;
  body: T;
  text: string;
}

/** One HTTP call with an optional bearer token and JSON body; the answer is parsed when it is JSON. */
export const call = async <T = JsonBody>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; contentType?: string } = {},
): Promise<JsonResponse<T>> => {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the assertion shows `text`
  }
  return { status: response.status, body: body as T, text };
};

export const describe = (response: JsonResponse) => `${response.status}: ${response.text.slice(0, 600)}`;
