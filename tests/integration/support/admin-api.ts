import type { CreatedSecretResponse, ProductionJobResponse, SettingsResponse } from '../../../server/src/contracts';
import type { JsonBody } from './json-body';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A tiny client for the plugin's admin API, authenticated as one admin. */
export const adminApi = (baseUrl: string, token: string) => {
  const call = async <T = JsonBody>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  };
  return {
    call,
    async enable(): Promise<SettingsResponse> {
      const response = await call<{ data: SettingsResponse }>('PUT', '/scim/settings', { enabled: true });
      if (response.status !== 200) throw new Error(`enable failed: ${response.status}`);
      return response.body.data;
    },
    async createSecret(label?: string): Promise<CreatedSecretResponse> {
      const response = await call<{ data: CreatedSecretResponse }>('POST', '/scim/secrets', label ? { label } : {});
      if (response.status !== 201) throw new Error(`secret creation failed: ${response.status}`);
      return response.body.data;
    },
    /** Waits until the newest production job (the switch to production, a large role change) is no longer running. */
    async settleProductionJob(timeoutMs = 60_000): Promise<ProductionJobResponse | null> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = (await call<{ data: ProductionJobResponse | null }>('GET', '/scim/production-jobs/latest')).body
          .data;
        if (job === null || !['pending', 'running'].includes(job.status)) return job;
        if (Date.now() > deadline) throw new Error(`production job still ${job.status}: ${JSON.stringify(job)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    /** Enables provisioning in production mode and creates a secret: what an identity provider needs. */
    async startProduction(label?: string): Promise<{ endpoint: string; secret: string }> {
      await this.enable();
      const response = await call<{ data: SettingsResponse }>('PUT', '/scim/settings', { productionMode: true });
      const { endpointUrl } = response.body.data;
      if (response.status !== 200 || !endpointUrl)
        throw new Error(`switching to production failed: ${response.status}`);
      return { endpoint: endpointUrl, secret: (await this.createSecret(label)).secret };
    },
  };
};

/** Calls the SCIM endpoint with raw control over headers and body. */
export const scimRequest = async (
  url: string,
  init: {
    method?: string;
    secret?: string | null;
    authorization?: string;
    body?: string | object;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse<JsonBody>> => {
  const headers: Record<string, string> = { ...init.headers };
  if (init.authorization !== undefined) headers.authorization = init.authorization;
  else if (init.secret) headers.authorization = `Bearer ${init.secret}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] = init.contentType ?? 'application/scim+json';
  }
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // leave the raw text for the assertion to show
  }
  return { status: response.status, headers: response.headers, body: parsed };
};

export type AdminApi = ReturnType<typeof adminApi>;
