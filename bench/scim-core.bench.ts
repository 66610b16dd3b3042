/** Runner: node -r ./scripts/register-ts.js bench/scim-core.bench.ts  (npm run bench:core; about 25 s on 2 cores; --scale=0.2 for a quick look) */
/**
 * Micro-benchmark of the protocol core on what every provisioning request does: read and compile a
 * list filter (parseFilter, then compileFilter with the column maps a store passes), and apply a
 * PATCH (applyPatch, which ends in validateResource). ops/s are the median of 5 interleaved runs.
 * Writes bench/results/<YYYY-MM-DD>-scim-core.json and .md with the machine, Node version and date.
 * Compare figures as ratios within one run (or across runs on the same machine), never across machines.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  compileFilter,
  parseFilter,
  readFilterParameter,
  type CompileOptions,
  type Filter,
} from '../server/src/scim/filter';
import { applyPatch } from '../server/src/scim/patch';
import { validateResource } from '../server/src/scim/resource';
import { describeMachine, formatOps, machine, measure, type Measurement, today } from './support/measure';
import {
  bjensen,
  CORE_GROUP,
  CORE_USER,
  deepClone,
  ENTERPRISE_USER,
  filterMix,
  groupColumns,
  PATCH_OP,
  tourGuides,
  userColumns,
} from './support/scim-fixtures';

const scaleArgument = process.argv.find((argument) => argument.startsWith('--scale='));
const SCALE = scaleArgument ? Number(scaleArgument.split('=')[1]) : 1;
const FILTER_ITERATIONS = Math.round(100_000 * SCALE);
const PATCH_ITERATIONS = Math.round(20_000 * SCALE);

// --- Filters -----------------------------------------------------------------------------------------

const mix = filterMix(1000);
const compileOptions: Record<'User' | 'Group', CompileOptions> = {
  User: { columns: userColumns, coreSchema: CORE_USER },
  Group: { columns: groupColumns, coreSchema: CORE_GROUP },
};
const parsed: Filter[] = mix.map((entry) => parseFilter(entry.text));
// What the list endpoint receives: the raw query string, as Entra ID and Okta encode it.
const rawQueries = mix.map((entry) => `filter=${encodeURIComponent(entry.text)}&startIndex=1&count=100`);

const filterResults = measure(
  [
    { name: 'parseFilter', run: (i) => parseFilter(mix[i % mix.length].text) },
    {
      name: 'compileFilter (already parsed)',
      run: (i) => compileFilter(parsed[i % parsed.length], compileOptions[mix[i % mix.length].resourceType]),
    },
    {
      name: 'parseFilter + compileFilter',
      run: (i) => {
        const entry = mix[i % mix.length];
        return compileFilter(parseFilter(entry.text), compileOptions[entry.resourceType]);
      },
    },
    {
      name: 'readFilterParameter + parseFilter + compileFilter (raw query string)',
      run: (i) => {
        const index = i % mix.length;
        const filter = readFilterParameter(rawQueries[index]);
        if (filter === undefined) throw new Error(`no filter in ${rawQueries[index]}`);
        return compileFilter(parseFilter(filter), compileOptions[mix[index].resourceType]);
      },
    },
  ],
  FILTER_ITERATIONS,
);

// --- PATCH -------------------------------------------------------------------------------------------

/** Resources as the store holds them: canonical (validateResource output) plus id and meta. */
const stored = (type: 'User' | 'Group', resource: { id: string; meta: unknown }) => ({
  ...validateResource(type, deepClone(resource)).resource,
  id: resource.id,
  meta: deepClone(resource.meta),
});
const storedUser = stored('User', bjensen);
const storedGroup = stored('Group', tourGuides);
const body = (...operations: Record<string, unknown>[]) => ({ schemas: [PATCH_OP], Operations: operations });

/** The PATCH requests Entra ID and Okta send most, in their own dialects. */
const patchMix: { type: 'User' | 'Group'; body: ReturnType<typeof body> }[] = [
  { type: 'User', body: body({ op: 'Replace', path: 'active', value: 'False' }) },
  { type: 'User', body: body({ op: 'replace', value: { active: false } }) },
  { type: 'User', body: body({ op: 'Replace', path: 'emails[type eq "work"].value', value: 'babs@contoso.com' }) },
  {
    type: 'User',
    body: body({
      op: 'replace',
      value: { 'name.givenName': 'Ann', 'name.familyName': 'Lee', [`${ENTERPRISE_USER}:department`]: 'Sales' },
    }),
  },
  {
    type: 'Group',
    body: body({ op: 'Add', path: 'members', value: [{ value: '08e1d05d-121c-4561-8b96-473d93df9210' }] }),
  },
  {
    type: 'Group',
    body: body({ op: 'Remove', path: 'members', value: [{ value: '2819c223-7f76-453a-919d-413861904646' }] }),
  },
  { type: 'Group', body: body({ op: 'replace', value: { id: tourGuides.id, displayName: 'Tour Guides West' } }) },
];
for (const entry of patchMix) applyPatch(entry.type, entry.type === 'User' ? storedUser : storedGroup, entry.body); // fail fast

const userPost = { ...deepClone(bjensen), id: undefined, meta: undefined };
const patchResults = measure(
  [
    {
      name: 'applyPatch (Entra ID / Okta mix)',
      run: (i) => {
        const entry = patchMix[i % patchMix.length];
        return applyPatch(entry.type, entry.type === 'User' ? storedUser : storedGroup, entry.body);
      },
    },
    {
      name: 'validateResource (User POST body; applyPatch ends with one)',
      run: () => validateResource('User', userPost),
    },
  ],
  PATCH_ITERATIONS,
);

// --- Report ------------------------------------------------------------------------------------------

const env = machine();
const all: Measurement[] = [...filterResults, ...patchResults];
const rows = all.map(
  (m) =>
    `| ${m.name} | ${formatOps(m.iterations)} | ${formatOps(m.opsPerSecond)} | ${(1e6 / m.opsPerSecond).toFixed(2)} | ${formatOps(Math.min(...m.runs))} – ${formatOps(Math.max(...m.runs))} |`,
);
const markdown = [
  `# SCIM protocol core micro-benchmark, ${today()}`,
  '',
  `Machine: ${describeMachine(env)}`,
  '',
  ...(SCALE === 1 ? [] : [`Scaled run (--scale=${SCALE}): fewer operations per run, noisier figures.`, '']),
  `Filters: a mix of 1,000 distinct filters (70 % Entra ID / Okta lookups: userName, externalId, group displayName; 30 % RFC 7644 shapes), compiled with a realistic column map. PATCH: 7 Entra ID / Okta requests in their own dialects ("Replace", "False", value-array member removal, dotted keys, path-less replace) on canonical stored resources.`,
  '',
  '| operation | operations per run | ops/s (median of 5 runs) | µs per operation | min – max of the runs |',
  '|---|---:|---:|---:|---:|',
  ...rows,
  '',
].join('\n');

const resultsDir = path.join(__dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const base = path.join(resultsDir, `${today()}-scim-core`);
fs.writeFileSync(`${base}.md`, markdown);
fs.writeFileSync(
  `${base}.json`,
  `${JSON.stringify(
    {
      date: env.date,
      node: env.node,
      machine: { cpuModel: env.cpuModel, cores: env.cores, memoryGiB: env.memoryGiB, platform: env.platform },
      scale: SCALE,
      results: all.map((m) => ({ ...m, microsecondsPerOperation: 1e6 / m.opsPerSecond })),
    },
    null,
    2,
  )}\n`,
);
console.log(markdown);
console.log(`written ${path.relative(process.cwd(), base)}.md and .json`);
