import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * An identity provider's request sequence, written from its public documentation (each file cites its
 * sources): the requests it sends, the status it expects and the response fields that matter to it.
 * Strings may hold `{{name}}`: a value saved by an earlier step (`save`), or `{{secret}}`.
 */
export const CLIENTS = ['entra-default', 'entra-aadoptscim062020', 'okta', 'rfc7644'] as const;
export type ClientId = (typeof CLIENTS)[number];

/**
 * What a response field must be: a JSON value compared deeply, or one matcher object:
 * `{ "$type": "string" }`, `{ "$absent": true }`, `{ "$length": 2 }`, `{ "$some": { ...subset } }` (an
 * array element containing the subset), `{ "$subset": { ... } }` (an object containing the subset).
 */
const expectation = z.record(z.string().startsWith('/'), z.unknown());

const step = z
  .object({
    feature: z.string().min(1),
    name: z.string().min(1),
    request: z
      .object({
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
        path: z.string().startsWith('/'),
        /** `bearer` (default): `Authorization: Bearer <secret>`; `bare`: the secret alone; `none`. */
        auth: z.enum(['bearer', 'bare', 'none']).default('bearer'),
        headers: z.record(z.string(), z.string()).default({}),
        body: z.unknown().optional(),
      })
      .strict(),
    expect: z
      .object({
        status: z.number().int(),
        fields: expectation.default({}),
        headers: z.record(z.string(), z.string()).default({}),
      })
      .strict(),
    /** Variables to keep from the response body: name -> JSON pointer. */
    save: z.record(z.string(), z.string().startsWith('/')).default({}),
  })
  .strict();

export const fixtureSchema = z
  .object({
    client: z.enum(CLIENTS),
    title: z.string().min(1),
    sources: z.array(z.object({ label: z.string().min(1), url: z.url() }).strict()).min(1),
    steps: z.array(step).min(1),
  })
  .strict();

export type Fixture = z.infer<typeof fixtureSchema>;
export type FixtureStep = Fixture['steps'][number];

export const FIXTURES_DIR = path.resolve(__dirname, '..', 'fixtures');

export const loadFixtures = (): { file: string; fixture: Fixture }[] =>
  readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      fixture: fixtureSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES_DIR, file), 'utf8'))),
    }));
