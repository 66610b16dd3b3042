/**
 * 3. Create: sustained POST /Users in production mode (each request creates a Strapi admin user) at 4 and
 * 16 connections, every body a new userName; in the same rounds, the two floors (GET /ServiceProviderConfig
 * over HTTP, strapi.service('admin::user').create in process).
 */
import { CORE_USER } from '../support/scim-fixtures';
import { userBody } from '../support/scim-bodies';
import { adminUserAttributes, adminUserService } from '../support/admin-users';
import { expectStatus } from '../support/checks';
import { measureAdminCreateFloor, measureSpcFloor } from '../support/floors';
import { captureQueries, printableSql } from '../support/query-plans';
import { profileDuring } from '../support/profile';
import { median, round } from '../support/stats';
import { target, type SectionContext, type SectionResult } from '../support/section';

const ROUNDS = 3;
const SECONDS = 5;
const FLOOR_COUNT = 400;

export const run = async (context: SectionContext): Promise<SectionResult> => {
  const { bench, client, endpointPath, log } = context;
  const usersPath = `${endpointPath}/Users`;
  const post = (connections: number, namePrefix: string, seconds = SECONDS) =>
    client.cannon({
      connections,
      durationSeconds: seconds,
      maxRequests: 20_000,
      pattern: { type: 'createUser', usersPath, namePrefix },
    });

  // Warm-up (JIT, connection pool, SQLite page cache).
  expectStatus('warm-up POST', await post(4, 'warm', 2), 201);
  await measureAdminCreateFloor(context, 'warm', 100);

  const rounds = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const floorCreate = await measureAdminCreateFloor(context, `r${r}`, FLOOR_COUNT);
    const c4 = expectStatus('POST c4', await post(4, `c4r${r}`), 201);
    const c16 = expectStatus('POST c16', await post(16, `c16r${r}`), 201);
    const spc = await measureSpcFloor(context, 2);
    const floorBest = Math.max(floorCreate.sequential, floorCreate.concurrent);
    rounds.push({
      floorCreate,
      c4,
      c16,
      spc,
      costVsFloorC4: round(floorBest / c4.rps, 2),
      costVsFloorC16: round(floorBest / c16.rps, 2),
    });
    log(
      `round ${r + 1}: POST /Users c4 ${c4.rps} req/s (p50 ${c4.p50} ms), c16 ${c16.rps} req/s (p50 ${c16.p50} ms); admin::user create ${floorCreate.sequential}/s (c1) ${floorCreate.concurrent}/s (c4); SPC c4 ${spc.c4.rps} req/s`,
    );
  }
  const m = {
    c4: median(rounds.map((x) => x.c4.rps)),
    c4p50: median(rounds.map((x) => x.c4.p50)),
    c4p95: median(rounds.map((x) => x.c4.p95)),
    c16: median(rounds.map((x) => x.c16.rps)),
    c16p50: median(rounds.map((x) => x.c16.p50)),
    c16p95: median(rounds.map((x) => x.c16.p95)),
    floorSeq: median(rounds.map((x) => x.floorCreate.sequential)),
    floorC4: median(rounds.map((x) => x.floorCreate.concurrent)),
    spcC4: median(rounds.map((x) => x.spc.c4.rps)),
    costC4: median(rounds.map((x) => x.costVsFloorC4)),
    costC16: median(rounds.map((x) => x.costVsFloorC16)),
  };

  // The statements one POST /Users runs (production mode, admin target).
  let n = 0;
  const queries = await captureQueries(bench.strapi, async () => {
    const response = await fetch(`${bench.endpoint}/Users`, {
      method: 'POST',
      headers: { authorization: bench.authorization, 'content-type': 'application/scim+json' },
      body: JSON.stringify(userBody('probe', n++)),
    });
    if (response.status !== 201) throw new Error(`probe POST: ${response.status} ${await response.text()}`);
  });
  const floorQueries = await captureQueries(bench.strapi, () =>
    adminUserService(bench).create(adminUserAttributes(bench, 'probe.floor')),
  );
  const profiles = [];
  if (context.profile) {
    const { summary } = await profileDuring(`${bench.db}-create-c4`, () => post(4, 'profiled', 5));
    profiles.push(summary);
  }
  const minimum = bench.db === 'sqlite' ? 250 : 0;
  const byKind = (list: { sql: string }[]) => {
    const counts: Record<string, number> = {};
    for (const q of list) {
      const kind = (q.sql.match(/^\s*(\w+)/)?.[1] ?? '?').toLowerCase();
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return Object.entries(counts)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ');
  };
  return {
    section: 'create',
    title: '3. Create (POST /Users, production mode, admin users)',
    figures: [
      { label: 'POST /Users, 4 connections', value: `${m.c4} req/s, p50 ${m.c4p50} ms, p95 ${m.c4p95} ms` },
      { label: 'POST /Users, 16 connections', value: `${m.c16} req/s, p50 ${m.c16p50} ms, p95 ${m.c16p95} ms` },
      {
        label: "floor: strapi.service('admin::user').create in process (1 / 4 in flight)",
        value: `${m.floorSeq} /s / ${m.floorC4} /s`,
      },
      {
        label: 'floor: GET /ServiceProviderConfig, 4 connections',
        value: `${m.spcC4} req/s (POST /Users at 4 connections = ${round(m.c4 / m.spcC4, 2)}× its rate)`,
      },
      {
        label: 'statements per POST /Users',
        value: `${queries.length} (${byKind(queries)}); admin::user create alone: ${floorQueries.length} (${byKind(floorQueries)})`,
      },
    ],
    targets: [
      ...(bench.db === 'sqlite'
        ? [
            target('POST /Users req/s at 4 connections', m.c4, 'req/s', '>=', minimum),
            target('POST /Users req/s at 16 connections', m.c16, 'req/s', '>=', minimum),
          ]
        : []),
      target('cost of POST /Users (4 conn.) / admin::user create floor', m.costC4, '×', '<=', 2.5),
      target('cost of POST /Users (16 conn.) / admin::user create floor', m.costC16, '×', '<=', 2.5),
    ],
    data: {
      medians: m,
      rounds,
      statements: queries.map(printableSql),
      floorStatements: floorQueries.map(printableSql),
    },
    notes: [
      `Each round: ${FLOOR_COUNT} in-process admin::user creates one at a time and ${FLOOR_COUNT} 4 in flight, then ${SECONDS} s of POST /Users at 4 and at 16 connections (unique userNames, Entra-style bodies with the enterprise extension), then GET /ServiceProviderConfig; medians of ${ROUNDS} rounds. Cost ratio = best floor rate (1 or 4 in flight) / POST rate, per round.`,
      `Statements of one POST /Users (schema ${CORE_USER}):`,
      '```',
      ...queries.map(printableSql),
      '```',
    ],
    profiles,
  };
};
