/**
 * Evidence for the initial-sync miss: the statements one Entra-style member PATCH of 50 runs in production
 * mode with no group-to-role mapping, grouped by shape.
 *   node -r ./scripts/register-ts.js bench/support/probe-member-patch.ts [sqlite|postgres]
 */
import { startBenchApp, type BenchDatabase } from './bench-app';
import { captureQueries } from './query-plans';
import { seedGroup, seedUsers } from './seed';
import { addMembers } from './scim-bodies';

void (async () => {
  const bench = await startBenchApp((process.argv[2] ?? 'sqlite') as BenchDatabase);
  const users = await seedUsers(bench, 'probe', 0, 50, bench.productionMode);
  const group = await seedGroup(bench, 'Probe Group', [], bench.productionMode);
  const started = process.hrtime.bigint();
  let status = 0;
  const queries = await captureQueries(bench.strapi, async () => {
    const response = await fetch(`${bench.endpoint}/Groups/${group}`, {
      method: 'PATCH',
      headers: { authorization: bench.authorization, 'content-type': 'application/scim+json' },
      body: JSON.stringify(addMembers(users.scimIds)),
    });
    status = response.status;
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const counts = new Map<string, number>();
  for (const query of queries) {
    const shape = query.sql
      .replace(/\s+/g, ' ')
      .replace(/\?(, ?\?)*/g, '?')
      .slice(0, 150);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  console.log(`PATCH add 50 members -> ${status} in ${ms.toFixed(0)} ms, ${queries.length} statements`);
  for (const [shape, count] of [...counts.entries()].sort((a, b) => b[1] - a[1]))
    console.log(`${String(count).padStart(5)}  ${shape}`);
  await bench.stop();
  process.exit(0);
})();
