import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/**
 * An app whose admin.secrets.encryptionKey has changed since some secrets were made: reveal must say so
 * honestly, tell it apart from "no copy stored", and never answer 500, whatever the stored copy holds.
 */
let app: TestApp;
let api: ReturnType<typeof adminApi>;
let endpoint: string;

const CURRENT_KEY = 'the-rotated-encryption-key';
const PREVIOUS_KEY = 'the-encryption-key-before-rotation';

/** Strapi's admin::encryption format (v1:iv:ciphertext:tag, AES-256-GCM under SHA-256 of the key), with another key. */
const encryptWithKey = (value: string, key: string) => {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-gcm', createHash('sha256').update(key).digest(), iv);
  const encrypted = cipher.update(value, 'utf8', 'hex') + cipher.final('hex');
  return `v1:${iv.toString('hex')}:${encrypted}:${cipher.getAuthTag().toString('hex')}`;
};

const storeCopy = (id: number, encrypted: string | null) =>
  app.strapi.db.query('plugin::scim.secret').update({ where: { id }, data: { encrypted } });

beforeAll(async () => {
  app = await startTestApp({ env: { ENCRYPTION_KEY: CURRENT_KEY } });
  api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
});

afterAll(async () => {
  await stopTestApp(app);
});

it('sends Cache-Control: no-store and Pragma: no-cache with the responses that carry a secret', async () => {
  const created = await api.call('POST', '/scim/secrets', { label: 'cache' });
  expect(created.status).toBe(201);
  const revealed = await api.call('GET', `/scim/secrets/${created.body.data.id}/reveal`);
  expect(revealed.status).toBe(200);
  for (const response of [created, revealed]) {
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
  }
});

it('says a copy encrypted with the previous key cannot be decrypted with the current one, and the secret still works', async () => {
  const created = await api.createSecret('before the key change');
  await storeCopy(created.id, encryptWithKey(created.secret, PREVIOUS_KEY));

  const listed = (await api.call('GET', '/scim/secrets')).body.data.find(
    (secret: { id: number }) => secret.id === created.id,
  );
  expect(listed.revealable).toBe(true);
  const reveal = await api.call('GET', `/scim/secrets/${created.id}/reveal`);
  expect(reveal.status).toBe(409);
  expect(reveal.body.error.details).toEqual({ code: 'undecryptable' });
  expect(reveal.body.error.message).toMatch(
    /cannot be decrypted with the current admin\.secrets\.encryptionKey: the key has changed/,
  );
  expect(reveal.body.error.message).not.toMatch(/created without/);
  expect(JSON.stringify(reveal.body)).not.toContain(created.secret);
  expect((await scimRequest(`${endpoint}/ServiceProviderConfig`, { secret: created.secret })).status).toBe(200);

  await storeCopy(created.id, encryptWithKey(created.secret, CURRENT_KEY));
  expect((await api.call('GET', `/scim/secrets/${created.id}/reveal`)).body.data.secret).toBe(created.secret);
});

it('tells "no copy stored" apart from a key change', async () => {
  const created = await api.createSecret('no copy');
  await storeCopy(created.id, null);
  const reveal = await api.call('GET', `/scim/secrets/${created.id}/reveal`);
  expect(reveal.status).toBe(409);
  expect(reveal.body.error.details).toEqual({ code: 'no-stored-copy' });
  expect(reveal.body.error.message).toMatch(/No encrypted copy of this secret is stored/);
});

it.each([
  ['not in the versioned format', 'garbage'],
  ['of an unknown version', 'v9:00:00:00'],
  ['missing parts', 'v1:abcd'],
  ['with parts that are not hex', 'v1:zz:zz:zz'],
  ['with a truncated authentication tag', 'v1:00112233445566778899aabbccddeeff:abcd:00'],
])('answers 409, never 500, for a stored copy %s', async (_case, encrypted) => {
  const created = await api.createSecret('malformed');
  await storeCopy(created.id, encrypted);
  const reveal = await api.call('GET', `/scim/secrets/${created.id}/reveal`);
  expect(reveal.status).toBe(409);
  expect(reveal.body.error).toMatchObject({ name: 'ConflictError', details: { code: 'undecryptable' } });
  expect(reveal.headers.get('cache-control')).toBe('no-store');
});
