/**
 * Run: node -r ./scripts/register-ts.js bench/libraries/compare-patch.ts   (about 1–2 minutes)
 *      add --iterations=20000 for a quicker, noisier look.
 *
 * Measures scim-patch and scimmy's Messages.PatchOp (and our engine, `applyPatch(resourceType,
 * resource, body)` from server/src/scim/patch/index.ts, when that file exists) on the RFC 7644 §3.5.2
 * examples and on the PATCH dialects of docs/idp-quirks.md, then times 100,000 applications of a mix
 * of everyday Entra ID / Okta operations that every engine handles. Prints Markdown and writes
 * bench/results/<date>-compare-patch.{md,json}.
 */
import fs from 'node:fs';
import path from 'node:path';
import { patchBodyValidation, scimPatch, type ScimPatchOperation, type ScimResource } from 'scim-patch';
import { Messages as ScimmyMessages, Schemas as ScimmySchemas } from 'scimmy';
import { validateResource } from '../../server/src/scim/resource';
import {
  describeMachine,
  machine,
  measureAsync,
  measurementTable,
  today,
  type AsyncCandidate,
} from '../support/measure';
import { bjensen, deepClone, ENTERPRISE_USER, PATCH_OP, tourGuides } from '../support/scim-fixtures';

type Json = Record<string, unknown>;
type ResourceType = 'User' | 'Group';

interface PatchBody {
  schemas: string[];
  Operations: Json[];
}

type Outcome = { ok: true; resource: Json } | { ok: false; error: string; status?: string; scimType?: string };

interface PatchEngine {
  name: string;
  apply(resourceType: ResourceType, resource: Json, body: PatchBody): Outcome | Promise<Outcome>;
}

const describeError = (error: unknown): Outcome => {
  if (!(error instanceof Error)) return { ok: false, error: `non-Error thrown: ${String(error)}` };
  const e = error as Error & { status?: number | string; scimType?: string; scimCode?: string };
  return {
    ok: false,
    error: `${e.constructor.name}: ${e.message}`,
    status: e.status === undefined ? undefined : String(e.status),
    scimType: e.scimType ?? e.scimCode,
  };
};

// ---------------------------------------------------------------------------------------------------
// Engines
// ---------------------------------------------------------------------------------------------------

const scimPatchEngine: PatchEngine = {
  name: 'scim-patch 0.8.3',
  apply: (_type, resource, body) => {
    try {
      // What a server using the library does: validate the body, then apply to its own copy.
      patchBodyValidation(body as unknown as Parameters<typeof patchBodyValidation>[0]);
      const patched = scimPatch(
        resource as unknown as ScimResource,
        body.Operations as unknown as ScimPatchOperation[],
        {
          mutateDocument: true,
          treatMissingAsAdd: true,
        },
      );
      return { ok: true, resource: patched as unknown as Json };
    } catch (error) {
      return describeError(error);
    }
  },
};

/**
 * What using scim-patch would really take here: its result still has to go through our own
 * validateResource (types, dialect normalisation, read-only attributes) before it is stored.
 */
const scimPatchThenValidate: PatchEngine = {
  name: 'scim-patch + our validateResource',
  apply: (type, resource, body) => {
    const patched = scimPatchEngine.apply(type, resource, body) as Outcome;
    if (!patched.ok) return patched;
    try {
      const { resource: validated } = validateResource(type, patched.resource);
      return { ok: true, resource: { ...validated, id: patched.resource.id } };
    } catch (error) {
      return describeError(error);
    }
  },
};

// scimmy validates against its schema classes; the enterprise extension has to be attached once.
// (Its typings want a Schema instance; the documented call passes the class, which is what works.)
ScimmySchemas.User.extend(ScimmySchemas.EnterpriseUser as unknown as Parameters<typeof ScimmySchemas.User.extend>[0]);
const scimmyClass = (type: ResourceType) => (type === 'User' ? ScimmySchemas.User : ScimmySchemas.Group);

const scimmyEngine: PatchEngine = {
  name: 'scimmy 1.3.5 PatchOp',
  apply: async (type, resource, body) => {
    try {
      const SchemaClass = scimmyClass(type);
      const instance = new SchemaClass(resource);
      const patched: unknown = await new ScimmyMessages.PatchOp(
        body as unknown as ConstructorParameters<typeof ScimmyMessages.PatchOp>[0],
      ).apply(instance);
      // apply() returns undefined when nothing changed.
      return { ok: true, resource: JSON.parse(JSON.stringify(patched ?? instance)) as Json };
    } catch (error) {
      return describeError(error);
    }
  },
};

const OUR_ENGINE_PATH = path.join(__dirname, '..', '..', 'server', 'src', 'scim', 'patch', 'index.ts');

/** Our engine when it exists; its result may be the resource or an object holding `resource`. */
function loadOurEngine(): PatchEngine | undefined {
  if (!fs.existsSync(OUR_ENGINE_PATH)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(OUR_ENGINE_PATH) as { applyPatch?: (...args: unknown[]) => unknown };
  const applyPatch = loaded.applyPatch;
  if (typeof applyPatch !== 'function') return undefined;
  return {
    name: 'ours applyPatch',
    apply: async (type, resource, body) => {
      try {
        const result: unknown = await applyPatch(type, resource, body);
        const patched = (
          result && typeof result === 'object' && 'resource' in result ? result.resource : result
        ) as Json;
        return { ok: true, resource: patched };
      } catch (error) {
        return describeError(error);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------------

const ABSENT = Symbol('absent');
type Expected = Record<string, unknown>;

interface PatchCase {
  source: string;
  name: string;
  resourceType: ResourceType;
  resource: Json;
  operations: Json[];
  /** Fields of the result (top-level names matched case-insensitively; `a.b` digs into objects). */
  expect?: Expected;
  /** Or: the request must fail with this scimType. */
  fails?: string;
}

const M1 = { value: '2819c223-7f76-453a-919d-413861904646', display: 'Babs Jensen', type: 'User' };
const M2 = { value: '902c246b-6245-4190-8e05-00816be7344a', display: 'Mandy Pepperidge', type: 'User' };
const NEW_MEMBER = {
  display: 'James Smith',
  $ref: 'https://example.com/v2/Users/08e1d05d-121c-4561-8b96-473d93df9210',
  value: '08e1d05d-121c-4561-8b96-473d93df9210',
};
const OTHER_MEMBER = {
  display: 'Jane Doe',
  $ref: 'https://example.com/v2/Users/26118915-6090-4610-87e4-49d8ca9f808d',
  value: '26118915-6090-4610-87e4-49d8ca9f808d',
};
const group = (): Json => ({ ...deepClone(tourGuides), members: [M1, M2] });
/** Membership is who is in the group: members are compared by `value` (display is read-only in our schema). */
const ids = (...members: { value: string }[]) => members.map((member) => ({ value: member.value }));
const user = (): Json => deepClone(bjensen);
const workEmail = bjensen.emails[0];
const homeEmail = bjensen.emails[1];
const workOnlyUser = (): Json => ({ ...user(), emails: [workEmail] });
const [workAddress, homeAddress] = bjensen.addresses;
const MANAGER_ID = '26118915-6090-4610-87e4-49d8ca9f808d';
const REPLACED_WORK_ADDRESS = {
  type: 'work',
  streetAddress: '911 Universal City Plaza',
  locality: 'Hollywood',
  region: 'CA',
  postalCode: '91608',
  country: 'US',
  formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
  primary: true,
};

const CASES: PatchCase[] = [
  // RFC 7644 §3.5.2.1 – §3.5.2.3 examples.
  {
    source: 'RFC §3.5.2.1',
    name: 'add a member',
    resourceType: 'Group',
    resource: group(),
    operations: [{ op: 'add', path: 'members', value: [NEW_MEMBER] }],
    expect: { members: ids(M1, M2, NEW_MEMBER) },
  },
  {
    source: 'RFC §3.5.2.1',
    name: 'path-less add of emails and nickname',
    resourceType: 'User',
    resource: workOnlyUser(),
    operations: [{ op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickname: 'Babs' } }],
    expect: { emails: [workEmail, { value: 'babs@jensen.org', type: 'home' }], nickName: 'Babs' },
  },
  {
    source: 'RFC §3.5.2.2',
    name: 'remove one member by filter',
    resourceType: 'Group',
    resource: group(),
    operations: [{ op: 'remove', path: `members[value eq "${M1.value}"]` }],
    expect: { members: ids(M2) },
  },
  {
    source: 'RFC §3.5.2.2',
    name: 'remove all members',
    resourceType: 'Group',
    resource: group(),
    operations: [{ op: 'remove', path: 'members' }],
    expect: { members: ABSENT },
  },
  {
    source: 'RFC §3.5.2.2',
    name: 'remove emails[type eq "work" and value ew "example.com"]',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' }],
    expect: { emails: [homeEmail] },
  },
  {
    source: 'RFC §3.5.2.2',
    name: 'remove all members, then add two',
    resourceType: 'Group',
    resource: group(),
    operations: [
      { op: 'remove', path: 'members' },
      { op: 'add', path: 'members', value: [NEW_MEMBER, OTHER_MEMBER] },
    ],
    expect: { members: ids(NEW_MEMBER, OTHER_MEMBER) },
  },
  {
    source: 'RFC §3.5.2.3',
    name: 'replace all members',
    resourceType: 'Group',
    resource: group(),
    operations: [{ op: 'replace', path: 'members', value: [NEW_MEMBER, OTHER_MEMBER] }],
    expect: { members: ids(NEW_MEMBER, OTHER_MEMBER) },
  },
  {
    source: 'RFC §3.5.2.3',
    name: 'replace addresses[type eq "work"]',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'replace', path: 'addresses[type eq "work"]', value: REPLACED_WORK_ADDRESS }],
    expect: { addresses: [REPLACED_WORK_ADDRESS, homeAddress] },
  },
  {
    source: 'RFC §3.5.2.3',
    name: 'replace addresses[type eq "work"].streetAddress',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'replace', path: 'addresses[type eq "work"].streetAddress', value: '1010 Broadway Ave' }],
    expect: { addresses: [{ ...workAddress, streetAddress: '1010 Broadway Ave' }, homeAddress] },
  },
  {
    source: 'RFC §3.5.2.3',
    name: 'path-less replace of emails and nickname',
    resourceType: 'User',
    resource: workOnlyUser(),
    operations: [
      {
        op: 'replace',
        value: {
          emails: [
            { value: 'bjensen@example.com', type: 'work', primary: true },
            { value: 'babs@jensen.org', type: 'home' },
          ],
          nickname: 'Babs',
        },
      },
    ],
    expect: {
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: true },
        { value: 'babs@jensen.org', type: 'home' },
      ],
      nickName: 'Babs',
    },
  },
  {
    source: 'RFC §3.5.2.2',
    name: 'remove without path is 400 noTarget',
    resourceType: 'Group',
    resource: group(),
    operations: [{ op: 'remove' }],
    fails: 'noTarget',
  },

  // docs/idp-quirks.md, PATCH dialects, as Entra ID and Okta send them.
  {
    source: 'patch-op-any-case',
    name: 'Entra: "Replace" active false',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'Replace', path: 'active', value: false }],
    expect: { active: false },
  },
  {
    source: 'patch-op-any-case',
    name: '"REPLACE" (any case)',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'REPLACE', path: 'displayName', value: 'Babs J' }],
    expect: { displayName: 'Babs J' },
  },
  {
    source: 'boolean-as-string',
    name: 'Entra: active "False"',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    expect: { active: false },
  },
  {
    source: 'dotted-attribute-key',
    name: 'Entra (aadOptscim062020): path-less replace with "name.givenName" keys',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'replace', value: { 'name.givenName': 'Ann', 'name.familyName': 'Lee' } }],
    expect: { name: { ...bjensen.name, givenName: 'Ann', familyName: 'Lee' } },
  },
  {
    source: 'urn-qualified-attribute-key',
    name: 'Entra: path-less replace with a URN-qualified key',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'Replace', value: { [`${ENTERPRISE_USER}:department`]: 'Sales' } }],
    expect: { [ENTERPRISE_USER]: { department: 'Sales', employeeNumber: '701984', manager: { value: MANAGER_ID } } },
  },
  {
    source: 'RFC (URN path)',
    name: 'Entra: replace with a URN path',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'Replace', path: `${ENTERPRISE_USER}:department`, value: 'Sales' }],
    expect: { [ENTERPRISE_USER]: { department: 'Sales', employeeNumber: '701984', manager: { value: MANAGER_ID } } },
  },
  {
    source: 'patch-remove-members-by-value-array',
    name: 'Entra: Remove members with a value array',
    resourceType: 'Group',
    resource: group(),
    operations: [{ op: 'Remove', path: 'members', value: [{ value: M1.value }] }],
    expect: { members: ids(M2) },
  },
  {
    source: 'patch-remove-members-filter-path',
    name: 'Entra: Remove members[value eq "..."]',
    resourceType: 'Group',
    resource: group(),
    operations: [{ op: 'Remove', path: `members[value eq "${M1.value}"]` }],
    expect: { members: ids(M2) },
  },
  {
    source: 'patch-filtered-add-creates-element',
    name: 'Entra: Add phoneNumbers[type eq "work"].value on a user without phones',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '555-555-8377' }],
    expect: { phoneNumbers: [{ type: 'work', value: '555-555-8377' }] },
  },
  {
    source: 'patch-filtered-add-creates-element',
    name: 'Entra: Replace phoneNumbers[type eq "work"].value on a user without phones',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '555-555-8377' }],
    expect: { phoneNumbers: [{ type: 'work', value: '555-555-8377' }] },
  },
  {
    source: 'RFC (filter path)',
    name: 'Entra: Replace emails[type eq "work"].value',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'Replace', path: 'emails[type eq "work"].value', value: 'babs@contoso.com' }],
    expect: { emails: [{ ...workEmail, value: 'babs@contoso.com' }, homeEmail] },
  },
  {
    source: 'manager-as-bare-id',
    name: 'Entra: Add manager as a bare id',
    resourceType: 'User',
    resource: { ...user(), [ENTERPRISE_USER]: { department: 'Tour Operations' } },
    operations: [{ op: 'Add', path: `${ENTERPRISE_USER}:manager`, value: MANAGER_ID }],
    expect: { [ENTERPRISE_USER]: { department: 'Tour Operations', manager: { value: MANAGER_ID } } },
  },
  {
    source: 'patch-missing-op-is-replace',
    name: 'operation without "op"',
    resourceType: 'User',
    resource: user(),
    operations: [{ path: 'displayName', value: 'Babs J' }],
    expect: { displayName: 'Babs J' },
  },
  {
    source: 'patch-empty-operations-noop',
    name: 'empty Operations',
    resourceType: 'User',
    resource: user(),
    operations: [],
    expect: { displayName: bjensen.displayName, active: true },
  },
  {
    source: 'okta-deactivate-pathless-replace',
    name: 'Okta: replace value {active:false}',
    resourceType: 'User',
    resource: user(),
    operations: [{ op: 'replace', value: { active: false } }],
    expect: { active: false },
  },
  {
    source: 'group-member-type-missing',
    name: 'Okta: add members without type',
    resourceType: 'Group',
    resource: group(),
    operations: [{ op: 'add', path: 'members', value: [{ value: NEW_MEMBER.value, display: NEW_MEMBER.display }] }],
    expect: { members: ids(M1, M2, NEW_MEMBER) },
  },
  {
    source: 'Okta group push',
    name: 'Okta: rename group, id repeated in the value',
    resourceType: 'Group',
    resource: group(),
    operations: [{ op: 'replace', value: { id: tourGuides.id, displayName: 'Tour Guides West' } }],
    expect: { displayName: 'Tour Guides West', id: tourGuides.id, members: ids(M1, M2) },
  },
  {
    source: 'Entra',
    name: 'Entra: Add a member',
    resourceType: 'Group',
    resource: group(),
    operations: [{ op: 'Add', path: 'members', value: [{ value: NEW_MEMBER.value }] }],
    expect: { members: ids(M1, M2, NEW_MEMBER) },
  },
];

// ---------------------------------------------------------------------------------------------------
// Judging
// ---------------------------------------------------------------------------------------------------

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const readField = (resource: Json, name: string): unknown => {
  if (Object.hasOwn(resource, name)) return resource[name];
  const key = Object.keys(resource).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? ABSENT : resource[key];
};

/**
 * Does `actual` hold what `expected` says? Objects: the expected members (names in any case), others
 * ignored. Arrays: same length, each expected element matched by a different actual element, in any
 * order (multi-valued attributes are unordered). ABSENT: missing, null or an empty list.
 */
function holds(actual: unknown, expected: unknown): boolean {
  if (expected === ABSENT)
    return (
      actual === ABSENT || actual === undefined || actual === null || (Array.isArray(actual) && actual.length === 0)
    );
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    const used = new Set<number>();
    return expected.every((item) => {
      const index = actual.findIndex((candidate, i) => !used.has(i) && holds(candidate, item));
      if (index === -1) return false;
      used.add(index);
      return true;
    });
  }
  if (isObject(expected))
    return isObject(actual) && Object.entries(expected).every(([name, value]) => holds(readField(actual, name), value));
  return actual === expected;
}

function judge(testCase: PatchCase, outcome: Outcome): { ok: boolean; detail: string } {
  if (testCase.fails) {
    if (outcome.ok) return { ok: false, detail: 'succeeded' };
    const ok = outcome.scimType === testCase.fails;
    return { ok, detail: `${outcome.status ?? '(no status)'} ${outcome.scimType ?? '(no scimType)'}` };
  }
  if (!outcome.ok) return { ok: false, detail: outcome.error.slice(0, 110) };
  const wrong: string[] = [];
  for (const [name, expected] of Object.entries(testCase.expect ?? {})) {
    const actual = readField(outcome.resource, name);
    if (holds(actual, expected)) continue;
    wrong.push(
      `${name.length > 30 ? `…${name.slice(-12)}` : name} = ${actual === ABSENT ? '(absent)' : JSON.stringify(actual)}`.slice(
        0,
        140,
      ),
    );
  }
  return wrong.length === 0 ? { ok: true, detail: '' } : { ok: false, detail: wrong.join('; ') };
}

const bodyOf = (operations: Json[]): PatchBody => ({ schemas: [PATCH_OP], Operations: operations });

// ---------------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------------

const iterationsArgument = process.argv.find((argument) => argument.startsWith('--iterations='));
const ITERATIONS = iterationsArgument ? Number(iterationsArgument.split('=')[1]) : 100_000;

async function main(): Promise<void> {
  const out: string[] = [];
  const print = (line = '') => {
    out.push(line);
    console.log(line);
  };
  const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '\\n');
  const env = machine();
  const ourEngine = loadOurEngine();
  const engines = [...(ourEngine ? [ourEngine] : []), scimPatchEngine, scimPatchThenValidate, scimmyEngine];

  print('# scim-patch vs scimmy PatchOp' + (ourEngine ? ' vs our PATCH engine' : ''));
  print();
  print(`Machine: ${describeMachine(env)}`);
  print();
  print(
    ourEngine
      ? `Our engine: ${path.relative(process.cwd(), OUR_ENGINE_PATH)} (applyPatch) was found and is measured.`
      : `Our engine: ${path.relative(process.cwd(), OUR_ENGINE_PATH)} did not exist when this ran; the libraries are measured alone.`,
  );
  print();

  // 1. Correctness.
  const results: { testCase: PatchCase; verdicts: { ok: boolean; detail: string }[] }[] = [];
  for (const testCase of CASES) {
    const verdicts = [];
    for (const engine of engines) {
      verdicts.push(
        judge(
          testCase,
          await engine.apply(
            testCase.resourceType,
            deepClone(testCase.resource),
            bodyOf(deepClone(testCase.operations)),
          ),
        ),
      );
    }
    results.push({ testCase, verdicts });
  }
  print('## RFC 7644 §3.5.2 examples and identity-provider dialects');
  print();
  print(
    '✔ = the resource afterwards has the expected values (or the request fails as the RFC says); ✘ shows what it got.',
  );
  print();
  print(`| source | request | ${engines.map((e) => e.name).join(' | ')} |`);
  print(`|---|---|${engines.map(() => '---').join('|')}|`);
  for (const { testCase, verdicts } of results) {
    const cells = verdicts.map((v) => `${v.ok ? '✔' : '✘'}${v.detail ? ` ${escape(v.detail)}` : ''}`);
    print(`| ${testCase.source} | ${escape(testCase.name)} | ${cells.join(' | ')} |`);
  }
  print();
  const rfcCases = results.filter((r) => r.testCase.source.startsWith('RFC §'));
  const dialectCases = results.filter((r) => !r.testCase.source.startsWith('RFC §'));
  const score = (rows: typeof results) =>
    engines.map((_, i) => `${rows.filter((r) => r.verdicts[i].ok).length}/${rows.length}`);
  print(`| cases right | ${engines.map((e) => e.name).join(' | ')} |`);
  print(`|---|${engines.map(() => '---:').join('|')}|`);
  print(`| RFC 7644 §3.5.2 examples | ${score(rfcCases).join(' | ')} |`);
  print(`| Entra ID / Okta dialects and other IdP requests | ${score(dialectCases).join(' | ')} |`);
  print(`| all | ${score(results).join(' | ')} |`);
  print();

  // 2. Prototype pollution: does a PATCH reach Object.prototype (process-wide)?
  const pollutionProbes: Json[][] = [
    [{ op: 'add', path: '__proto__.polluted', value: 'yes' }],
    [{ op: 'add', value: { '__proto__.polluted': 'yes' } }],
    [{ op: 'replace', path: 'constructor.prototype.polluted', value: 'yes' }],
    [{ op: 'add', value: { 'toString.polluted': 'yes' } }],
  ];
  const polluted = (): string[] => {
    const found: string[] = [];
    if (Object.hasOwn(Object.prototype, 'polluted')) found.push('Object.prototype.polluted');
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the function object is inspected, never called
    if (Object.hasOwn(Object.prototype.toString, 'polluted')) found.push('Object.prototype.toString.polluted');
    delete (Object.prototype as Json).polluted;
    delete (Object.prototype.toString as unknown as Json).polluted;
    return found;
  };
  print('### Prototype pollution (a PATCH that writes onto Object.prototype affects the whole Strapi process)');
  print();
  print(`| operation | ${engines.map((e) => e.name).join(' | ')} |`);
  print(`|---|${engines.map(() => '---').join('|')}|`);
  const pollution: { operations: Json[]; results: Record<string, string> }[] = [];
  for (const operations of pollutionProbes) {
    const results: Record<string, string> = {};
    for (const engine of engines) {
      const outcome = await engine.apply('User', user(), bodyOf(deepClone(operations)));
      const reached = polluted();
      results[engine.name] =
        reached.length > 0 ? `✘ POLLUTED ${reached.join(', ')}` : outcome.ok ? '✔ ignored' : '✔ refused';
    }
    pollution.push({ operations, results });
    print(`| \`${escape(JSON.stringify(operations[0]))}\` | ${engines.map((e) => results[e.name]).join(' | ')} |`);
  }
  print();

  // 3. A PATCH path filter goes through the same backtracking tokenizer (scim-patch uses scim2-parse-filter).
  const redosSizes = [16, 20, 24];
  print('### Backtracking through a PATCH path: `members[value eq "` + n newlines + `]`');
  print();
  print(`| engine | ${redosSizes.map((n) => `n=${n}`).join(' | ')} |`);
  print(`|---|${redosSizes.map(() => '---:').join('|')}|`);
  const redos: { engine: string; ms: number[] }[] = [];
  for (const engine of engines) {
    const ms: number[] = [];
    for (const n of redosSizes) {
      const start = process.hrtime.bigint();
      await engine.apply('Group', group(), bodyOf([{ op: 'remove', path: `members[value eq "${'\n'.repeat(n)}]` }]));
      ms.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    redos.push({ engine: engine.name, ms });
    print(`| ${engine.name} | ${ms.map((v) => `${v.toFixed(1)} ms`).join(' | ')} |`);
  }
  print();

  // 4. Speed, on everyday operations in strict RFC syntax that every engine applies correctly.
  const NEW_ID = '08e1d05d-121c-4561-8b96-473d93df9210';
  const mix: { resourceType: ResourceType; operations: Json[]; label: string }[] = [
    { resourceType: 'User', label: 'Okta deactivate', operations: [{ op: 'replace', value: { active: false } }] },
    {
      resourceType: 'User',
      label: 'replace name.givenName',
      operations: [{ op: 'replace', path: 'name.givenName', value: 'Ann' }],
    },
    {
      resourceType: 'User',
      label: 'replace emails[type eq "work"].value',
      operations: [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'babs@contoso.com' }],
    },
    {
      resourceType: 'User',
      label: 'replace enterprise department',
      operations: [{ op: 'replace', path: `${ENTERPRISE_USER}:department`, value: 'Sales' }],
    },
    {
      resourceType: 'Group',
      label: 'add a member',
      operations: [{ op: 'add', path: 'members', value: [{ value: NEW_ID }] }],
    },
    {
      resourceType: 'Group',
      label: 'remove members[value eq]',
      operations: [{ op: 'remove', path: `members[value eq "${M1.value}"]` }],
    },
    {
      resourceType: 'Group',
      label: 'replace displayName',
      operations: [{ op: 'replace', path: 'displayName', value: 'Tour Guides West' }],
    },
  ];
  const baseUser = user();
  const baseGroup = group();
  const checks: Record<string, (r: Json) => boolean> = {
    'Okta deactivate': (r) => r.active === false,
    'replace name.givenName': (r) => (r.name as Json).givenName === 'Ann',
    'replace emails[type eq "work"].value': (r) => (r.emails as Json[])[0].value === 'babs@contoso.com',
    'replace enterprise department': (r) => (r[ENTERPRISE_USER] as Json).department === 'Sales',
    'add a member': (r) => (r.members as Json[]).length === 3,
    'remove members[value eq]': (r) => (r.members as Json[]).length === 1,
    'replace displayName': (r) => r.displayName === 'Tour Guides West',
  };
  for (const engine of engines) {
    for (const entry of mix) {
      const outcome = await engine.apply(
        entry.resourceType,
        deepClone(entry.resourceType === 'User' ? baseUser : baseGroup),
        bodyOf(entry.operations),
      );
      if (!outcome.ok || !checks[entry.label](outcome.resource)) {
        print(
          `- ${engine.name} does not apply "${entry.label}" as expected: ${outcome.ok ? JSON.stringify(outcome.resource).slice(0, 120) : outcome.error}`,
        );
      }
    }
  }
  const candidates: AsyncCandidate[] = [
    {
      name: 'deep clone only (baseline cost in every row)',
      run: (i) => Promise.resolve(deepClone(mix[i % mix.length].resourceType === 'User' ? baseUser : baseGroup)),
    },
    ...engines.map((engine): AsyncCandidate => ({
      name: engine.name,
      // scimmy runs at about 1 % of the others' speed: fewer operations keep the script near 2 minutes.
      iterations: engine === scimmyEngine ? Math.max(1, Math.round(ITERATIONS / 20)) : ITERATIONS,
      run: async (i) => {
        const entry = mix[i % mix.length];
        return engine.apply(
          entry.resourceType,
          deepClone(entry.resourceType === 'User' ? baseUser : baseGroup),
          bodyOf(entry.operations),
        );
      },
    })),
  ];
  const started = Date.now();
  const speed = await measureAsync(candidates, ITERATIONS);
  print(
    `## Speed: ${ITERATIONS.toLocaleString('en-US')} PATCH applications (7 everyday operations in turn, each on a fresh copy)`,
  );
  print();
  print(measurementTable(speed, speed[1]));
  print();
  print(
    `(${((Date.now() - started) / 1000).toFixed(0)} s for the timing.) scimmy's figure includes building its schema instance from the stored resource, which any use of its PatchOp needs.`,
  );

  const resultsDir = path.join(__dirname, '..', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const base = path.join(resultsDir, `${today()}-compare-patch`);
  fs.writeFileSync(`${base}.md`, `${out.join('\n')}\n`);
  fs.writeFileSync(
    `${base}.json`,
    `${JSON.stringify(
      {
        machine: env,
        ourEngine: ourEngine ? path.relative(process.cwd(), OUR_ENGINE_PATH) : null,
        correctness: results.map(({ testCase, verdicts }) => ({
          source: testCase.source,
          name: testCase.name,
          operations: testCase.operations,
          results: Object.fromEntries(engines.map((e, i) => [e.name, verdicts[i]])),
        })),
        pollution,
        redos: { sizes: redosSizes, results: redos },
        speed,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwritten ${path.relative(process.cwd(), base)}.md and .json`);
}

void main();
