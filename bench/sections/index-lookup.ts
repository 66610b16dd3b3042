/**
 * Filters over the whole schema at 100k users (issue #16, docs/decisions/filter-storage-whole-schema.md): in the
 * same interleaved rounds, a `userName eq` lookup (column), lookups on configured indexed attributes (enterprise
 * employeeNumber, the work email: tier 2) and filters the index does not answer (tier 3, the JSON functions).
 * The app runs with `indexedAttributes` naming employeeNumber, emails.type and emails.value.
 */
import os from 'node:os';
import type { AttributeIndexBuildsService } from '../../server/src/services/attribute-index-builds';
import { ENTERPRISE_USER } from '../support/scim-fixtures';
import { userName } from '../support/scim-bodies';
import { captureQueries, explainAll, printableSql } from '../support/query-plans';
import { seedUsersDirect } from '../support/seed';
import { expectStatus } from '../support/checks';
import { interleavedRounds, medianOf } from '../support/rounds';
import { median, round } from '../support/stats';
import { scaled, target, type SectionContext, type SectionResult } from '../support/section';

export const INDEXED_ATTRIBUTES = { User: [`${ENTERPRISE_USER}:employeeNumber`, 'emails.type', 'emails.value'] };
export const env = { SCIM_INDEXED_ATTRIBUTES: JSON.stringify(INDEXED_ATTRIBUTES) };

const PREFIX = 'lookup';
const ROUNDS = 5;
const SECONDS = 2;

interface Probe {
  key: string;
  label: string;
  template: string;
  query?: string;
  /** Whether the results are one user (a lookup) or a page. */
  expected: 'one' | 'page';
  seconds: number;
}

const PROBES: Probe[] = [
  {
    key: 'userName',
    label: '`userName eq` (column)',
    template: `userName eq "${PREFIX}.%N%@bench.example.com"`,
    expected: 'one',
    seconds: SECONDS,
  },
  {
    key: 'employeeNumber',
    label: 'enterprise `employeeNumber eq` (indexed)',
    template: `${ENTERPRISE_USER}:employeeNumber eq "%E%"`,
    expected: 'one',
    seconds: SECONDS,
  },
  {
    key: 'workEmail',
    label: '`emails[type eq "work"].value eq` (indexed)',
    template: `emails[type eq "work"].value eq "${PREFIX}.%N%@bench.example.com"`,
    expected: 'one',
    seconds: SECONDS,
  },
  {
    key: 'workPrimaryEmail',
    label: '`emails[type eq "work" and primary eq true].value eq` (not indexed: JSON)',
    template: `emails[type eq "work" and primary eq true].value eq "${PREFIX}.%N%@bench.example.com"`,
    expected: 'one',
    seconds: 4,
  },
  {
    key: 'department',
    label: 'enterprise `department eq` (not indexed: JSON; 2.5 % of users, page of 100 + count)',
    template: `${ENTERPRISE_USER}:department eq "Department 7"`,
    query: '&count=100',
    expected: 'page',
    seconds: 4,
  },
];

/** A fetch that retries once: a keep-alive socket the server closed while the directory was seeded resets. */
const get = async (url: string, authorization: string): Promise<Response> => {
  try {
    return await fetch(url, { headers: { authorization } });
  } catch {
    return fetch(url, { headers: { authorization } });
  }
};

export const run = async (context: SectionContext): Promise<SectionResult> => {
  const { bench, client, endpointPath, log, scale } = context;
  const size = scaled(100_000, scale, 1000);
  const usersPath = `${endpointPath}/Users`;
  const seed = await seedUsersDirect(bench, PREFIX, 0, size);
  log(`seeded ${size} users (${seed.perSecond}/s)`);
  // PostgreSQL plans from statistics, which autovacuum gathers within a minute or so of a bulk load; gather them now.
  if (bench.db === 'postgres') await bench.strapi.db.connection.raw('ANALYZE');
  await bench.strapi.plugin('scim').service<AttributeIndexBuildsService>('attributeIndexBuilds').runPending();

  const pattern = (probe: Probe, seedValue: number) => ({
    type: 'filter' as const,
    usersPath,
    template: probe.template,
    size,
    seed: seedValue,
    ...(probe.query ? { query: probe.query } : {}),
  });
  const filterOf = (probe: Probe, n: number) =>
    probe.template.replaceAll('%N%', String(n)).replaceAll('%E%', String(100000 + n));

  // Every probe answers what it should before it is timed.
  for (const probe of PROBES) {
    const n = Math.floor(size / 3);
    const response = await get(
      `${bench.endpoint}/Users?filter=${encodeURIComponent(filterOf(probe, n))}${probe.query ?? ''}`,
      bench.authorization,
    );
    const body = (await response.json()) as { totalResults: number; Resources?: { userName: string }[] };
    const right =
      probe.expected === 'one'
        ? body.totalResults === 1 && body.Resources?.[0]?.userName === userName(PREFIX, n)
        : body.totalResults === Math.ceil((size - 7) / 40) &&
          body.Resources?.length === Math.min(100, body.totalResults);
    if (response.status !== 200 || !right)
      throw new Error(`probe ${probe.key}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }

  for (const probe of PROBES)
    await client.cannon({ connections: 1, durationSeconds: 1, maxRequests: 500, pattern: pattern(probe, 1) });
  const rounds = await interleavedRounds(
    ROUNDS,
    PROBES.map((probe) => ({
      key: probe.key,
      measure: async (r: number) => {
        const result = expectStatus(
          probe.key,
          await client.cannon({
            connections: 1,
            durationSeconds: probe.seconds,
            maxRequests: 20_000,
            pattern: pattern(probe, 0x9e3779b9 ^ (r * 7919 + probe.key.length)),
          }),
          200,
        );
        return { p50: result.p50, p95: result.p95, rps: result.rps };
      },
    })),
    (samples, r) =>
      log(
        `round ${r + 1}: ${PROBES.map((probe) => `${probe.key} p50 ${samples[probe.key].p50} ms`).join(', ')}; load ${os.loadavg()[0].toFixed(2)}`,
      ),
  );
  const stat = (key: string, field: 'p50' | 'p95' | 'rps') => medianOf(rounds, (x) => x[key][field]);
  const ratioOf = (key: string) => medianOf(rounds, (x) => round(x[key].p50 / x.userName.p50, 2));

  const notes: string[] = [];
  for (const probe of PROBES.slice(1, 4)) {
    const queries = await captureQueries(bench.strapi, () =>
      get(
        `${bench.endpoint}/Users?filter=${encodeURIComponent(filterOf(probe, Math.floor(size / 2)))}`,
        bench.authorization,
      ).then((response) => response.text()),
    );
    const plans = await explainAll(
      bench.strapi,
      queries.filter((query) => /scim_users/.test(query.sql)),
    );
    notes.push(
      `Statements on scim_users of one ${probe.label} request and their ${bench.db === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN ANALYZE'}:`,
      '```',
      ...plans.flatMap((plan) => [printableSql(plan), ...plan.plan.map((line) => `    ${line}`)]),
      '```',
    );
  }
  const writeCost = await measureIndexWrite(context, usersPath);
  log(
    `index write: ${writeCost.addedMs} ms per create (3 rows) against POST /Users p50 ${writeCost.postP50} ms → ${writeCost.ratio}×`,
  );
  const indexRows = await bench.strapi.db.query('plugin::scim.attribute-index').count();

  return {
    section: 'index-lookup',
    title: `Filters over the whole schema at ${size.toLocaleString('en-US')} users`,
    figures: PROBES.map((probe) => ({
      label: probe.label,
      value: `p50 ${stat(probe.key, 'p50')} ms, p95 ${stat(probe.key, 'p95')} ms (${stat(probe.key, 'rps')} req/s, 1 connection)${probe.key === 'userName' ? '' : `; ${ratioOf(probe.key)}× the userName lookup`}`,
    })),
    targets: [
      target(
        'POST /Users p50 + the index write of 3 rows / POST /Users p50',
        writeCost.ratio,
        '×',
        '<=',
        1.05,
        'derived, same process',
      ),
      target('indexed employeeNumber p50 / userName p50 (same rounds)', ratioOf('employeeNumber'), '×', '<=', 1.3),
      target('indexed work-email p50 / userName p50 (same rounds)', ratioOf('workEmail'), '×', '<=', 1.3),
      target(
        'unindexed JSON lookup p50',
        stat('workPrimaryEmail', 'p50'),
        'ms',
        '<=',
        250,
        bench.db === 'sqlite' ? 'issue #16 target on SQLite' : 'reported; the target is set for SQLite',
      ),
      target(
        'unindexed JSON page + count p50',
        stat('department', 'p50'),
        'ms',
        '<=',
        250,
        bench.db === 'sqlite' ? 'issue #16 target on SQLite' : 'reported; the target is set for SQLite',
      ),
    ],
    data: { size, seeding: seed.perSecond, indexRows, writeCost, rounds, indexedAttributes: INDEXED_ATTRIBUTES },
    notes: [
      `Seeded straight into scim_users and scim_attribute_index in the repository's shape (bench/support/seed.ts \`seedUsersDirect\`, 1,000 users a transaction${bench.db === 'postgres' ? ', then ANALYZE' : ''}): ${seed.perSecond}/s; ${indexRows.toLocaleString('en-US')} index rows. Each figure is the median of ${ROUNDS} interleaved rounds at 1 connection; values drawn uniformly at random from all users.`,
      `Index write cost: in the same process after seeding, ${WRITE_SAMPLES} transactions that insert one row and then the 3 index rows of a user (what a create adds with this option) against ${WRITE_SAMPLES} transactions that insert the one row only (the transaction and its commit, which a create pays anyway), interleaved; the difference of the medians is the added cost, compared with the p50 of POST /Users (production mode, admin user) at 1 connection in the same process.`,
      ...notes,
    ],
  };
};

const WRITE_SAMPLES = 400;

/** What the index rows add to one create, measured in process, and the p50 of a whole POST /Users. */
const measureIndexWrite = async ({ bench, client }: SectionContext, usersPath: string) => {
  const strapi = bench.strapi;
  const posts = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const result = expectStatus(
      'POST c1',
      await client.cannon({
        connections: 1,
        durationSeconds: SECONDS,
        maxRequests: 5000,
        pattern: { type: 'createUser', usersPath, namePrefix: `write${r}` },
      }),
      201,
    );
    posts.push(result.p50);
  }
  const withRows: number[] = [];
  const without: number[] = [];
  const time = async (work: () => Promise<unknown>) => {
    const started = process.hrtime.bigint();
    await strapi.db.transaction(work);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const index = () => strapi.db.query('plugin::scim.attribute-index');
  // Both transactions write (one row), so both pay the commit; the difference is the statement a create adds.
  const oneRow = (ownerRef: number) =>
    index().createMany({
      data: [{ resourceType: 'User', ownerRef, path: 'bench.baseline', element: 0, valueKey: String(ownerRef) }],
    });
  for (let i = 0; i < WRITE_SAMPLES; i += 1) {
    const ownerRef = 10_000_000 + i;
    withRows.push(
      await time(async () => {
        await oneRow(ownerRef);
        await index().createMany({
          data: [
            { resourceType: 'User', ownerRef, path: 'emails.type', element: 0, valueKey: 'work' },
            { resourceType: 'User', ownerRef, path: 'emails.value', element: 0, valueKey: `w${i}@bench.example.com` },
            {
              resourceType: 'User',
              ownerRef,
              path: `${ENTERPRISE_USER.toLowerCase()}:employeenumber`,
              element: 0,
              valueKey: String(900000 + i),
            },
          ],
        });
      }),
    );
    without.push(await time(() => oneRow(20_000_000 + i)));
  }
  await strapi.db.query('plugin::scim.attribute-index').deleteMany({ where: { ownerRef: { $gte: 10_000_000 } } });
  const addedMs = round(median(withRows) - median(without), 3);
  const postP50 = median(posts);
  return {
    addedMs,
    postP50,
    ratio: round((postP50 + addedMs) / postP50, 3),
    withRowsP50: median(withRows),
    baselineP50: median(without),
  };
};
