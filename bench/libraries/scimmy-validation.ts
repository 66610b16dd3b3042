/**
 * Run: node -r ./scripts/register-ts.js bench/libraries/scimmy-validation.ts   (a few seconds)
 *
 * scimmy's schema validation (Schemas.User / Schemas.Group constructors, Messages.PatchOp) against our
 * validateResource / applyPatch on the bodies Entra ID and Okta send, starting with Entra's "True" /
 * "False" boolean strings. Prints Markdown and writes bench/results/<date>-scimmy-validation.{md,json}.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Messages as ScimmyMessages, Schemas as ScimmySchemas } from 'scimmy';
import { applyPatch } from '../../server/src/scim/patch';
import { validateResource } from '../../server/src/scim/resource';
import { describeMachine, machine, today } from '../support/measure';
import { CORE_GROUP, CORE_USER, ENTERPRISE_USER, PATCH_OP } from '../support/scim-fixtures';

ScimmySchemas.User.extend(ScimmySchemas.EnterpriseUser as unknown as Parameters<typeof ScimmySchemas.User.extend>[0]);

type Json = Record<string, unknown>;
interface Probe {
  name: string;
  source: string;
  type: 'User' | 'Group';
  /** A POST body, or a PATCH applied to `base`. */
  post?: Json;
  patch?: Json[];
  /** What the attribute of interest must read afterwards. */
  read: (resource: Json) => unknown;
  expected: unknown;
}

const baseUser: Json = {
  schemas: [CORE_USER],
  id: 'u1',
  userName: 'bjensen@contoso.com',
  active: true,
  emails: [{ value: 'bjensen@contoso.com', type: 'work' }],
};
const user = (extra: Json): Json => ({ schemas: [CORE_USER], userName: 'bjensen@contoso.com', ...extra });

const PROBES: Probe[] = [
  {
    name: 'POST active: false (control)',
    source: 'RFC 7643 §4.1.1',
    type: 'User',
    post: user({ active: false }),
    read: (r) => r.active,
    expected: false,
  },
  {
    name: 'POST active: "False"',
    source: 'boolean-as-string',
    type: 'User',
    post: user({ active: 'False' }),
    read: (r) => r.active,
    expected: false,
  },
  {
    name: 'POST active: "True"',
    source: 'boolean-as-string',
    type: 'User',
    post: user({ active: 'True' }),
    read: (r) => r.active,
    expected: true,
  },
  {
    name: 'POST emails[].primary: "True"',
    source: 'boolean-as-string',
    type: 'User',
    post: user({ emails: [{ value: 'a@contoso.com', type: 'work', primary: 'True' }] }),
    read: (r) => (r.emails as Json[] | undefined)?.[0]?.primary,
    expected: true,
  },
  {
    name: 'PATCH Replace active "False"',
    source: 'boolean-as-string',
    type: 'User',
    patch: [{ op: 'Replace', path: 'active', value: 'False' }],
    read: (r) => r.active,
    expected: false,
  },
  {
    name: 'PATCH Replace value {active: "False"}',
    source: 'boolean-as-string',
    type: 'User',
    patch: [{ op: 'Replace', value: { active: 'False' } }],
    read: (r) => r.active,
    expected: false,
  },
  {
    name: 'POST with a URN-qualified top-level key',
    source: 'urn-qualified-attribute-key',
    type: 'User',
    post: user({ [`${ENTERPRISE_USER}:department`]: 'Sales' }),
    read: (r) => (r[ENTERPRISE_USER] as Json | undefined)?.department,
    expected: 'Sales',
  },
  {
    name: 'POST manager as a bare id',
    source: 'manager-as-bare-id',
    type: 'User',
    post: { ...user({}), schemas: [CORE_USER, ENTERPRISE_USER], [ENTERPRISE_USER]: { manager: 'm-1' } },
    read: (r) => ((r[ENTERPRISE_USER] as Json | undefined)?.manager as Json | undefined)?.value,
    expected: 'm-1',
  },
  {
    name: 'POST with an unknown attribute',
    source: 'unknown-attribute-ignored',
    type: 'User',
    post: user({ garbage: 'x' }),
    read: (r) => r.userName,
    expected: 'bjensen@contoso.com',
  },
  {
    name: 'POST Group, members without type',
    source: 'group-member-type-missing',
    type: 'Group',
    post: { schemas: [CORE_GROUP], displayName: 'Sales', members: [{ value: 'u1', display: 'Babs' }] },
    read: (r) => (r.members as Json[] | undefined)?.map((m) => m.value).join(','),
    expected: 'u1',
  },
  {
    name: 'POST "USERNAME" (attribute name in another case)',
    source: 'attribute-name-any-case',
    type: 'User',
    post: { schemas: [CORE_USER], USERNAME: 'ann' },
    read: (r) => r.userName,
    expected: 'ann',
  },
];

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

async function viaScimmy(probe: Probe): Promise<Outcome> {
  try {
    const SchemaClass = probe.type === 'User' ? ScimmySchemas.User : ScimmySchemas.Group;
    let resource: Json;
    if (probe.post) resource = JSON.parse(JSON.stringify(new SchemaClass(probe.post, 'in'))) as Json;
    else {
      const instance = new SchemaClass(baseUser);
      const patched: unknown = await new ScimmyMessages.PatchOp({
        schemas: [PATCH_OP],
        Operations: probe.patch,
      } as unknown as ConstructorParameters<typeof ScimmyMessages.PatchOp>[0]).apply(instance);
      resource = JSON.parse(JSON.stringify(patched ?? instance)) as Json;
    }
    return { ok: true, value: probe.read(resource) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error) };
  }
}

function viaOurs(probe: Probe): Outcome {
  try {
    const resource = probe.post
      ? validateResource(probe.type, probe.post).resource
      : applyPatch(probe.type, validateResource(probe.type, baseUser).resource, {
          schemas: [PATCH_OP],
          Operations: probe.patch,
        }).resource;
    return { ok: true, value: probe.read(resource) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error) };
  }
}

async function main(): Promise<void> {
  const env = machine();
  const lines = [
    '# scimmy 1.3.5 schema validation vs ours on identity-provider bodies',
    '',
    `Machine: ${describeMachine(env)}`,
    '',
    '| body | quirk / source | expected | ours | scimmy 1.3.5 |',
    '|---|---|---|---|---|',
  ];
  const rows = [];
  for (const probe of PROBES) {
    const [oursOutcome, scimmyOutcome] = [viaOurs(probe), await viaScimmy(probe)];
    const cell = (o: Outcome) =>
      o.ok
        ? `${JSON.stringify(o.value) === JSON.stringify(probe.expected) ? '✔' : '✘'} ${JSON.stringify(o.value)}`
        : `✘ ${o.error.replace(/\|/g, '\\|').slice(0, 110)}`;
    lines.push(
      `| ${probe.name} | ${probe.source} | ${JSON.stringify(probe.expected)} | ${cell(oursOutcome)} | ${cell(scimmyOutcome)} |`,
    );
    rows.push({
      name: probe.name,
      source: probe.source,
      expected: probe.expected,
      ours: oursOutcome,
      scimmy: scimmyOutcome,
    });
  }
  const markdown = `${lines.join('\n')}\n`;
  console.log(markdown);
  const base = path.join(__dirname, '..', 'results', `${today()}-scimmy-validation`);
  fs.mkdirSync(path.dirname(base), { recursive: true });
  fs.writeFileSync(`${base}.md`, markdown);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ machine: env, probes: rows }, null, 2)}\n`);
  console.log(`written ${path.relative(process.cwd(), base)}.md and .json`);
}

void main();
