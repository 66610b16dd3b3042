/**
 * 2. Lookup: GET /Users?filter=userName eq "..." for random existing userNames at 1k, 10k and 100k users,
 * against GET /ServiceProviderConfig measured in the same rounds. Users are seeded through the users
 * service in test mode (SCIM rows and activity entries, no admin users: a lookup never reads host users).
 */
import { userName, userNameFilter } from '../support/scim-bodies';
import { captureQueries, explainAll, printableSql } from '../support/query-plans';
import { profileDuring } from '../support/profile';
import { seedUsers } from '../support/seed';
import { expectStatus } from '../support/checks';
import type { Pattern } from '../support/load-client';
import { interleavedRounds } from '../support/rounds';
import { median, round } from '../support/stats';
import { scaled, target, type SectionContext, type SectionResult } from '../support/section';

const ROUNDS = 3;
const SECONDS = 2;
const PREFIX = 'lookup';

export const run = async (context: SectionContext): Promise<SectionResult> => {
  const { bench, client, endpointPath, log, scale } = context;
  const sizes = [1000, 10_000, 100_000].map((size) => scaled(size, scale, 100));
  const usersPath = `${endpointPath}/Users`;
  const spc = { type: 'fixed' as const, method: 'GET' as const, path: `${endpointPath}/ServiceProviderConfig` };
  const names: string[] = [];
  const perSize: Record<string, unknown>[] = [];
  const seeding: { size: number; seconds: number; perSecond: number }[] = [];
  let plans: Awaited<ReturnType<typeof explainAll>> = [];
  let seeded = 0;
  const notes: string[] = [];
  const profiles = [];

  for (const size of sizes) {
    const seed = await seedUsers(bench, PREFIX, seeded, size);
    for (let n = seeded; n < size; n += 1) names.push(userName(PREFIX, n));
    seeded = size;
    seeding.push({ size, seconds: round(seed.seconds, 1), perSecond: seed.perSecond });
    log(`seeded ${size} users (${seed.perSecond}/s)`);

    // Sanity: a lookup finds exactly the one user.
    const probe = await fetch(`${bench.endpoint}/Users?${userNameFilter(names[size - 1])}`, {
      headers: { authorization: bench.authorization },
    });
    const probeBody = (await probe.json()) as { totalResults: number };
    if (probe.status !== 200 || probeBody.totalResults !== 1)
      throw new Error(`lookup probe failed: ${probe.status} ${JSON.stringify(probeBody)}`);

    const lookup = { type: 'lookup' as const, usersPath, userNames: names, seed: 0x9e3779b9 ^ size };
    await client.cannon({ connections: 1, durationSeconds: 1, maxRequests: 5000, pattern: lookup });
    const cannon = (connections: number, maxRequests: number, pattern: Pattern) =>
      client.cannon({ connections, durationSeconds: SECONDS, maxRequests, pattern });
    const samples = await interleavedRounds(ROUNDS, [
      { key: 'floor', measure: async () => expectStatus('SPC', await cannon(1, 30_000, spc), 200) },
      {
        key: 'c1',
        measure: async (r) =>
          expectStatus('lookup c1', await cannon(1, 30_000, { ...lookup, seed: lookup.seed + r }), 200),
      },
      {
        key: 'c4',
        measure: async (r) =>
          expectStatus('lookup c4', await cannon(4, 60_000, { ...lookup, seed: lookup.seed + 100 + r }), 200),
      },
    ]);
    const rounds = samples.map((x) => ({ ...x, ratioToFloor: round(x.c1.p50 / x.floor.p50, 2) }));
    const result = {
      size,
      p50: median(rounds.map((x) => x.c1.p50)),
      p95: median(rounds.map((x) => x.c1.p95)),
      rpsC1: median(rounds.map((x) => x.c1.rps)),
      rpsC4: median(rounds.map((x) => x.c4.rps)),
      p50C4: median(rounds.map((x) => x.c4.p50)),
      floorP50: median(rounds.map((x) => x.floor.p50)),
      ratioToFloor: median(rounds.map((x) => x.ratioToFloor)),
      rounds,
    };
    perSize.push(result);
    log(
      `${size} users: lookup p50 ${result.p50} ms p95 ${result.p95} ms (${result.rpsC1} req/s at c1, ${result.rpsC4} at c4); SPC p50 ${result.floorP50} ms`,
    );

    if (size === sizes[sizes.length - 1]) {
      const queries = await captureQueries(bench.strapi, () =>
        fetch(`${bench.endpoint}/Users?${userNameFilter(names[Math.floor(size / 2)])}`, {
          headers: { authorization: bench.authorization },
        }).then((r) => r.text()),
      );
      plans = await explainAll(bench.strapi, queries);
      notes.push(
        `SQL of one lookup at ${size.toLocaleString('en-US')} users (${queries.length} statements, the SCIM middleware's settings and secret reads included) and the ${bench.db === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN ANALYZE'}:`,
        '```',
        ...plans.flatMap((plan) => [printableSql(plan), ...plan.plan.map((line) => `    ${line}`)]),
        '```',
      );
      if (context.profile) {
        const { summary } = await profileDuring(`${bench.db}-lookup-${size}`, () =>
          client.cannon({ connections: 1, durationSeconds: 5, maxRequests: 30_000, pattern: lookup }),
        );
        profiles.push(summary);
      }
    }
  }

  const first = perSize[0] as { p50: number; size: number };
  const last = perSize[perSize.length - 1] as { p50: number; size: number; ratioToFloor: number };
  const growth = round(last.p50 / first.p50, 2);
  const typed = perSize as {
    size: number;
    p50: number;
    p95: number;
    rpsC1: number;
    rpsC4: number;
    floorP50: number;
    ratioToFloor: number;
  }[];
  return {
    section: 'lookup',
    title: '2. Lookup by userName',
    figures: typed.map((x) => ({
      label: `${x.size.toLocaleString('en-US')} users`,
      value: `p50 ${x.p50} ms, p95 ${x.p95} ms (1 connection, ${x.rpsC1} req/s; ${x.rpsC4} req/s at 4); SPC p50 ${x.floorP50} ms → ${x.ratioToFloor}×`,
    })),
    targets: [
      target(
        `p50 at ${last.size.toLocaleString('en-US')} / p50 at ${first.size.toLocaleString('en-US')}`,
        growth,
        '×',
        '<=',
        1.3,
      ),
      ...typed.map((x) =>
        target(`p50 at ${x.size.toLocaleString('en-US')} / SPC p50 (same rounds)`, x.ratioToFloor, '×', '<=', 2),
      ),
    ],
    data: {
      sizes,
      seeding,
      perSize,
      plans,
      seededThrough: 'users service, test mode (productionMode false), 1,000 creates per transaction',
    },
    notes: [
      `Seeded through \`strapi.plugin('scim').service('users').create(body, { productionMode: false, ... })\` (SCIM rows and activity entries, no admin users), 1,000 creates per transaction: ${seeding.map((s) => `${s.perSecond}/s`).join(', ')}. Latency at 1 connection (${SECONDS} s per run, median of ${ROUNDS} runs interleaved with the SPC floor); names drawn uniformly at random from all seeded users.`,
      ...notes,
    ],
    profiles,
  };
};
