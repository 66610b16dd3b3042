import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConnectionTestResponse } from '../../server/src/contracts';
import { adminApi } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/**
 * POST /scim/settings/test-connection calls the endpoint's public URL (`url` in config/server). Here that URL is
 * a small server in front of the app, which forwards like a reverse proxy or answers as a misconfigured one.
 */
type ProxyMode = 'forward' | 'html' | 'silent' | 'redirect';
let mode: ProxyMode = 'forward';
let app: TestApp;
let api: ReturnType<typeof adminApi>;
let publicUrl: string;
const proxied: string[] = [];

const proxy = http.createServer((request, response) => {
  proxied.push(`${request.method ?? ''} ${request.url ?? ''} ${request.headers.authorization ?? 'no secret'}`);
  if (mode === 'silent') return; // never answers: the probe times out
  if (mode === 'html') {
    response.writeHead(401, { 'content-type': 'text/html' }).end('<h1>Sign in to the proxy</h1>');
    return;
  }
  if (mode === 'redirect') {
    response.writeHead(301, { location: 'https://elsewhere.example/' }).end();
    return;
  }
  const upstream = http.request(
    `${app.baseUrl}${request.url ?? '/'}`,
    { method: request.method, headers: request.headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  request.pipe(upstream);
});

const testConnection = async (): Promise<ConnectionTestResponse> => {
  const response = await api.call<{ data: ConnectionTestResponse }>('POST', '/scim/settings/test-connection');
  expect(response.status).toBe(200);
  return response.body.data;
};

const setPublicUrl = (url: string) => app.strapi.config.set('server.url', url);

beforeAll(async () => {
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  publicUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  app = await startTestApp({ env: { PUBLIC_URL: publicUrl } });
  api = adminApi(app.baseUrl, await app.login());
});

afterAll(async () => {
  await stopTestApp(app);
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
});

beforeEach(() => {
  mode = 'forward';
  proxied.length = 0;
  setPublicUrl(publicUrl);
});

describe('test connection', () => {
  it('calls nothing before there is an endpoint', async () => {
    expect(await testConnection()).toMatchObject({ outcome: 'no-endpoint', url: null });
    expect(proxied).toEqual([]);
  });

  it('reaches the endpoint through the public URL without a secret and sees the SCIM 401 an IdP would', async () => {
    const { endpointUrl } = await api.enable();
    expect(endpointUrl?.startsWith(publicUrl)).toBe(true);
    const result = await testConnection();
    expect(result).toMatchObject({ outcome: 'reachable', status: 401, url: `${endpointUrl}/ServiceProviderConfig` });
    expect(proxied).toEqual([`GET ${new URL(`${endpointUrl}/ServiceProviderConfig`).pathname} no secret`]);
  });

  it('says when provisioning is disabled', async () => {
    await api.call('PUT', '/scim/settings', { enabled: false });
    expect(await testConnection()).toMatchObject({ outcome: 'disabled', status: 503 });
    await api.enable();
  });

  it('tells a proxy page from the endpoint, and reports redirects without following them', async () => {
    mode = 'html';
    expect(await testConnection()).toMatchObject({ outcome: 'unexpected-answer', status: 401 });
    mode = 'redirect';
    expect(await testConnection()).toMatchObject({
      outcome: 'redirect',
      status: 301,
      detail: 'https://elsewhere.example/',
    });
    expect(proxied).toHaveLength(2);
  });

  it('reports a timeout', async () => {
    mode = 'silent';
    const result = await testConnection();
    expect(result.outcome).toBe('timeout');
    expect(result.durationMs).toBeGreaterThanOrEqual(4_900);
  }, 15_000);

  it('reports a TLS error, a refused connection and a DNS failure', async () => {
    setPublicUrl(publicUrl.replace('http:', 'https:'));
    expect(await testConnection()).toMatchObject({ outcome: 'tls-error' });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    setPublicUrl(`http://127.0.0.1:${closedPort}`);
    expect(await testConnection()).toMatchObject({ outcome: 'refused', detail: 'ECONNREFUSED' });
    setPublicUrl('https://scim-connection-test.invalid');
    expect(await testConnection()).toMatchObject({ outcome: 'dns-failure' });
  });

  it('never calls an address from the request: without a configured public URL it says so', async () => {
    setPublicUrl('');
    const response = await fetch(`${app.baseUrl}/scim/settings/test-connection`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.login()}`, host: `127.0.0.1:${new URL(publicUrl).port}` },
    });
    const { data } = (await response.json()) as { data: ConnectionTestResponse };
    expect(data).toMatchObject({ outcome: 'no-public-url', url: null });
    expect(proxied).toEqual([]);
  });
});
