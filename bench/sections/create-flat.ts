/**
 * Is an admin-user create flat in the number of admin users (issue #18)? Times, at 1,000 and at 30,000 admin users
 * (rows filled in directly with knex, each with the default role; the sizes alternate round by round, the candidates
 * within a round):
 * - `service`: Strapi's `admin::user` service create (the create path before docs/decisions/admin-user-create-path.md),
 * - `db.query`: `strapi.db.query('admin::user').create` with the same data (it runs the same lifecycles),
 * - `plugin`: the plugin's create path (server/src/services/targets/admin-user-create.ts),
 * - `scim-http`: `POST /Users` over HTTP in production mode, one request at a time,
 * - `email-lookup` (not a create): the admin-user lookup by email every SCIM create makes (Strapi gives admin_users no
 *   index on email; the plugin declares one, server/src/services/targets/host-user-email-index.ts).
 */
import os from 'node:os';
import { createAdminUser } from '../../server/src/services/targets/admin-user-create';
import { adminUserAttributes, adminUserService, fillerAdminRow } from '../support/admin-users';
import { userBody } from '../support/scim-bodies';
import { median, round } from '../support/stats';
import { scaled, target, type SectionContext, type SectionResult } from '../support/section';

const ROUNDS = 5;
const PER_ROUND = 20;
const CANDIDATES = ['service', 'db.query', 'plugin', 'scim-http', 'email-lookup'] as const;
type CandidateName = (typeof CANDIDATES)[number];

const LABELS: Record<CandidateName, string> = {
  service: "Strapi's admin::user service create",
  'db.query': "strapi.db.query('admin::user').create",
  plugin: "the plugin's create path",
  'scim-http': 'POST /Users, one at a time',
  'email-lookup': 'admin-user lookup by email (not a create)',
};

export const run = async (context: SectionContext): Promise<SectionResult> => {
  const { bench, log, scale } = context;
  const { strapi } = bench;
  // The smaller size stays at 1,000 whatever the scale: below that, the section's own creates would outgrow it.
  const sizes = [1000, scaled(30_000, scale, 3000)];
  const knex = strapi.db.connection;
  const service = adminUserService(bench);
  let n = 0;
  const attributes = () => adminUserAttributes(bench, `flat${(n += 1)}`);
  const operations: Record<CandidateName, () => Promise<unknown>> = {
    service: () => service.create(attributes()),
    'db.query': () =>
      strapi.db.query('admin::user').create({
        data: { registrationToken: 'x'.repeat(40), username: null, ...attributes() },
        populate: ['roles'],
      }),
    plugin: () => createAdminUser(strapi, attributes()),
    'scim-http': async () => {
      n += 1;
      const response = await fetch(`${bench.endpoint}/Users`, {
        method: 'POST',
        headers: { authorization: bench.authorization, 'content-type': 'application/scim+json' },
        body: JSON.stringify(userBody('flat', n)),
      });
      if (response.status !== 201) throw new Error(`POST /Users answered ${response.status}`);
      await response.arrayBuffer();
    },
    'email-lookup': () =>
      strapi.db.query('admin::user').findOne({ select: ['id'], where: { email: 'absent@x.example.com' } }),
  };
  const countUsers = async () => Number((await knex('admin_users').count({ c: '*' }))[0].c);
  const fillers = () => knex('admin_users').select('id').where('email', 'like', 'fill%');
  /**
   * Fills admin_users up to `size` rows with direct inserts, dropping earlier filler rows first. Each filler holds
   * the default role, as every provisioned admin user does: Strapi's create reads the role's highest `user_ord`
   * among all its links (a scan of the role's links, whatever the plugin does).
   */
  const resize = async (size: number) => {
    await knex('admin_users_roles_lnk').whereIn('user_id', fillers()).delete();
    await knex('admin_users').where('email', 'like', 'fill%').delete();
    let filled = await countUsers();
    while (filled < size) {
      const rows = [];
      for (; filled < size && rows.length < 500; filled += 1) rows.push(fillerAdminRow(filled));
      await knex('admin_users').insert(rows);
    }
    await knex.raw(
      'insert into admin_users_roles_lnk (user_id, role_id, role_ord, user_ord) select id, ?, 1, id from admin_users where email like ?',
      [bench.defaultRoleId, 'fill%'],
    );
    // Fresh planner statistics, as autovacuum would have after a real sync.
    if (bench.db === 'postgres') await knex.raw('analyze admin_users, admin_users_roles_lnk');
    // The playground runs SQLite in WAL mode: start every size from a checkpointed, empty log.
    else await knex.raw('pragma wal_checkpoint(truncate)');
    // The resize outlasts the server's keep-alive timeout: the first request on the idle socket may meet its reset.
    await fetch(`${bench.endpoint}/ServiceProviderConfig`).catch(() => undefined);
    return countUsers();
  };

  const samples = sizes.map(() => Object.fromEntries(CANDIDATES.map((name) => [name, [] as number[]])));
  // The section's own creates add to the smaller size as the rounds go by: record the range.
  const counted = sizes.map(() => ({ first: 0, last: 0 }));
  for (const name of CANDIDATES) for (let i = 0; i < 5; i += 1) await operations[name](); // warm-up
  // Sizes alternate round by round, so that the machine's load drifts over both alike.
  const loadAverages: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [s, size] of sizes.entries()) {
      counted[s].last = await resize(size);
      if (r === 0) counted[s].first = counted[s].last;
      for (const name of CANDIDATES) {
        const started = process.hrtime.bigint();
        for (let i = 0; i < PER_ROUND; i += 1) await operations[name]();
        samples[s][name].push(Number(process.hrtime.bigint() - started) / 1e6 / PER_ROUND);
      }
    }
    loadAverages.push(round(os.loadavg()[0]));
    log(`round ${r + 1} of ${ROUNDS}, load average ${loadAverages[r]}`);
  }
  const results = sizes.map((_, s) => ({
    adminUsers: counted[s],
    ms: Object.fromEntries(CANDIDATES.map((name) => [name, round(median(samples[s][name]))])) as Record<
      CandidateName,
      number
    >,
  }));
  const [small, large] = results;
  const ratio = (name: CandidateName) => round(large.ms[name] / small.ms[name]);
  const count = (range: { first: number; last: number }) =>
    range.first === range.last
      ? range.first.toLocaleString('en-US')
      : `${range.first.toLocaleString('en-US')}–${range.last.toLocaleString('en-US')}`;
  const [smallLabel, largeLabel] = results.map((result) => count(result.adminUsers));
  return {
    section: 'create-flat',
    title: `Admin-user create at ${sizes[0].toLocaleString('en-US')} and ${sizes[1].toLocaleString('en-US')} admin users`,
    figures: CANDIDATES.map((name) => ({
      label: LABELS[name],
      value: `${small.ms[name]} ms at ${smallLabel}, ${large.ms[name]} ms at ${largeLabel} → ${ratio(name)}×`,
    })),
    targets: [
      target(`POST /Users ms at ${largeLabel} / at ${smallLabel} admin users`, ratio('scim-http'), '×', '<=', 1.2),
    ],
    data: { sizes, rounds: ROUNDS, createsPerRound: PER_ROUND, results, loadAverages, samples },
    notes: [
      `\`admin_users\` filled with plain rows by knex inserts, each linked to the default role, to ${smallLabel}, then to ${largeLabel}, then back (filler rows deleted), alternating for ${ROUNDS} rounds; after each resize ${bench.db === 'postgres' ? 'ANALYZE' : 'a WAL checkpoint'}. In each round and size, ${PER_ROUND} operations of each candidate one at a time; figures are medians over the rounds of the mean ms per operation. ${counted[0].first === counted[0].last ? '' : "The section's own creates add to the smaller size, hence its range. "}\`service\` is Strapi's path (with its per-create telemetry reads), \`plugin\` the plugin's (docs/decisions/admin-user-create-path.md); \`POST /Users\` runs from the section's process over HTTP. Load average (1 min) after each round: ${loadAverages.join(', ')}.`,
    ],
  };
};
