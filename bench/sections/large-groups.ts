/**
 * 5. Large groups: a group of 50,000 members against a group of 10. GET with excludedAttributes=members, a
 * PATCH adding one member and a PATCH removing it, interleaved (big, small, big, small, ...) at one
 * connection; then GET of the whole 50,000-member group with the server's RSS sampled.
 */
import { addMembers, removeMembers } from '../support/scim-bodies';
import { captureQueries, explainAll, printableSql } from '../support/query-plans';
import { sampleRss } from '../support/rss';
import { seedGroup, seedUsers } from '../support/seed';
import { median, mib, percentile, round } from '../support/stats';
import { profileDuring } from '../support/profile';
import type { SequenceRequest } from '../support/load-client';
import { scaled, target, type SectionContext, type SectionResult } from '../support/section';

const ROUNDS = 3;
const ITERATIONS = 40;
const FULL_GETS = 3;

export const run = async (context: SectionContext): Promise<SectionResult> => {
  const { bench, client, endpointPath, log, scale } = context;
  const bigSize = scaled(50_000, scale, 1000);
  const members = await seedUsers(bench, 'member', 0, bigSize);
  log(`seeded ${bigSize} users (${members.perSecond}/s)`);
  // The users PATCHed in and out have admin users (production mode), as provisioned members would.
  const spare = await seedUsers(bench, 'spare', 0, 20, bench.productionMode);
  const started = Date.now();
  const big = await seedGroup(bench, 'Big Group', members.scimIds);
  const bigSeedSeconds = round((Date.now() - started) / 1000, 1);
  const small = await seedGroup(bench, 'Small Group', members.scimIds.slice(0, 10));
  log(`created the ${bigSize}-member group through the groups service in ${bigSeedSeconds} s`);

  const groupPath = (id: string) => `${endpointPath}/Groups/${id}`;
  const rounds: Record<string, number>[] = [];
  for (let r = -1; r < ROUNDS; r += 1) {
    const requests: SequenceRequest[] = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      for (const id of [big, small])
        requests.push({ method: 'GET', path: `${groupPath(id)}?excludedAttributes=members` });
    }
    for (let i = 0; i < ITERATIONS; i += 1) {
      const user = spare.scimIds[i % spare.scimIds.length];
      requests.push({ method: 'PATCH', path: groupPath(big), body: addMembers([user]) });
      requests.push({ method: 'PATCH', path: groupPath(small), body: addMembers([user]) });
      requests.push({ method: 'PATCH', path: groupPath(big), body: removeMembers([user]) });
      requests.push({ method: 'PATCH', path: groupPath(small), body: removeMembers([user]) });
    }
    const result = await client.sequence({ requests });
    const expected = requests.map((req) => (req.method === 'GET' ? 200 : 204));
    const wrong = result.statuses.findIndex((status, i) => status !== expected[i]);
    if (wrong !== -1)
      throw new Error(`large groups: ${requests[wrong].method} ${requests[wrong].path} -> ${result.statuses[wrong]}`);
    if (r < 0) continue; // warm-up
    const pick = (offset: number, stride: number, count: number) =>
      Array.from({ length: count }, (_, i) => result.ms[offset + i * stride]);
    const gets = ITERATIONS * 2;
    const p50 = (values: number[]) => round(percentile(values, 50), 3);
    const round_ = {
      getBig: p50(pick(0, 2, ITERATIONS)),
      getSmall: p50(pick(1, 2, ITERATIONS)),
      addBig: p50(pick(gets, 4, ITERATIONS)),
      addSmall: p50(pick(gets + 1, 4, ITERATIONS)),
      removeBig: p50(pick(gets + 2, 4, ITERATIONS)),
      removeSmall: p50(pick(gets + 3, 4, ITERATIONS)),
    };
    rounds.push({
      ...round_,
      getRatio: round(round_.getBig / round_.getSmall, 2),
      addRatio: round(round_.addBig / round_.addSmall, 2),
      removeRatio: round(round_.removeBig / round_.removeSmall, 2),
    });
    log(
      `round ${r + 1}: GET excl. members ${round_.getBig} vs ${round_.getSmall} ms; add ${round_.addBig} vs ${round_.addSmall} ms; remove ${round_.removeBig} vs ${round_.removeSmall} ms`,
    );
  }
  const m = Object.fromEntries(Object.keys(rounds[0]).map((key) => [key, median(rounds.map((x) => x[key]))])) as Record<
    string,
    number
  >;

  const fullGets = [];
  for (let i = 0; i < FULL_GETS; i += 1) {
    const rss = sampleRss(100);
    const result = await client.sequence({ requests: [{ method: 'GET', path: groupPath(big) }] });
    const trace = rss.stop();
    if (result.statuses[0] !== 200) throw new Error(`full GET: ${result.statuses[0]}`);
    fullGets.push({
      ms: result.ms[0],
      bytes: result.bytes[0],
      rssStartMiB: mib(trace.startBytes),
      rssPeakMiB: mib(trace.peakBytes),
      rssDeltaMiB: mib(trace.peakBytes - trace.startBytes),
    });
    log(
      `full GET of ${bigSize} members: ${result.ms[0]} ms, ${mib(result.bytes[0])} MiB body, RSS +${mib(trace.peakBytes - trace.startBytes)} MiB`,
    );
  }
  const fullMs = median(fullGets.map((x) => x.ms));
  const fullDelta = Math.max(...fullGets.map((x) => x.rssDeltaMiB));

  const spareUser = spare.scimIds[0];
  const plansFor = async (label: string, work: () => Promise<unknown>) => {
    const queries = await captureQueries(bench.strapi, work);
    const plans = await explainAll(bench.strapi, queries);
    return { label, plans };
  };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${bench.endpoint}${path}`, {
      method,
      headers: { authorization: bench.authorization, ...(body ? { 'content-type': 'application/scim+json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }).then((response) => response.text());
  const evidence = [
    await plansFor(`PATCH add one member to the ${bigSize}-member group`, () =>
      call('PATCH', `/Groups/${big}`, addMembers([spareUser])),
    ),
    await plansFor(`PATCH remove one member from the ${bigSize}-member group`, () =>
      call('PATCH', `/Groups/${big}`, removeMembers([spareUser])),
    ),
  ];
  const profiles = [];
  if (context.profile) {
    const { summary } = await profileDuring(`${bench.db}-large-group-full-get`, () =>
      client.sequence({ requests: [{ method: 'GET', path: groupPath(big) }] }),
    );
    profiles.push(summary);
  }

  return {
    section: 'large-groups',
    title: `5. Large groups (${bigSize.toLocaleString('en-US')} members vs 10)`,
    figures: [
      {
        label: 'GET excludedAttributes=members, big vs small (p50)',
        value: `${m.getBig} ms vs ${m.getSmall} ms → ${m.getRatio}×`,
      },
      {
        label: 'PATCH add one member, big vs small (p50)',
        value: `${m.addBig} ms vs ${m.addSmall} ms → ${m.addRatio}×`,
      },
      {
        label: 'PATCH remove one member, big vs small (p50)',
        value: `${m.removeBig} ms vs ${m.removeSmall} ms → ${m.removeRatio}×`,
      },
      {
        label: `GET with all ${bigSize.toLocaleString('en-US')} members`,
        value: `${round(fullMs / 1000, 2)} s (median of ${FULL_GETS}), body ${mib(fullGets[0].bytes)} MiB, server RSS +${fullDelta} MiB at most (peak ${Math.max(...fullGets.map((x) => x.rssPeakMiB))} MiB)`,
      },
      {
        label: `creating the ${bigSize.toLocaleString('en-US')}-member group (groups service, one POST body)`,
        value: `${bigSeedSeconds} s`,
      },
    ],
    targets: [
      target('GET excludedAttributes=members: big / small', m.getRatio, '×', '<=', 1.5),
      target('PATCH add one member: big / small', m.addRatio, '×', '<=', 1.5),
      target('PATCH remove one member: big / small', m.removeRatio, '×', '<=', 1.5),
      target(
        `GET with all ${bigSize.toLocaleString('en-US')} members`,
        round(fullMs / 1000, 2),
        's',
        '<=',
        60,
        `RSS delta ${fullDelta} MiB`,
      ),
    ],
    data: {
      bigSize,
      seeding: { perSecond: members.perSecond, bigGroupSeconds: bigSeedSeconds },
      medians: m,
      rounds,
      fullGets,
      evidence: evidence.map((e) => ({
        label: e.label,
        statements: e.plans.map((p) => ({ sql: printableSql(p), plan: p.plan })),
      })),
    },
    notes: [
      `Members seeded through the users service in test mode (${members.perSecond}/s, 1,000 per transaction); the group created through the groups service with all ${bigSize.toLocaleString('en-US')} members in one body. The PATCHed members are 20 users created in production mode (with admin users), so each PATCH also recomputes one admin user's roles. ${ITERATIONS} iterations per round, big and small interleaved, p50 per round, median of ${ROUNDS} rounds after a warm-up round; 1 connection.`,
      ...evidence
        .slice(0, 1)
        .flatMap((e) => [
          `${e.label}: ${e.plans.length} statements`,
          '```',
          ...e.plans.flatMap((plan) => [
            printableSql(plan),
            ...(plan.plan[0]?.startsWith('(write') ? [] : plan.plan.map((line) => `    ${line}`)),
          ]),
          '```',
        ]),
    ],
    profiles,
  };
};
