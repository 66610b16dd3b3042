/**
 * SCIM create against Strapi's own admin-user create (issue #18): at 1, 4 and 8 connections (in flight), round by
 * round, `POST /Users` (production mode: SCIM record, admin user with its role, activity entry), Strapi's
 * `POST /admin/users` with the Super Admin's token (the admin user with its role), both from the load client,
 * and `strapi.service('admin::user').create` in process. Medians of the rounds; a fresh database, so a few
 * thousand admin users by the end.
 */
import { expectStatus } from '../support/checks';
import { measureAdminCreateRate } from '../support/floors';
import { startLoadClient } from '../support/load';
import { interleavedRounds, medianOf, type RoundCandidate } from '../support/rounds';
import { round } from '../support/stats';
import { scaled, target, type SectionContext, type SectionResult } from '../support/section';

const CONNECTIONS = [1, 4, 8] as const;
const ROUNDS = 3;
const SECONDS = 4;

type Candidate = 'scim' | 'admin' | 'service';
type Key = `${Candidate}-${number}`;

export const run = async (context: SectionContext): Promise<SectionResult> => {
  const { bench, client, endpointPath, log, scale } = context;
  const rounds = scaled(ROUNDS, scale);
  const seconds = scaled(SECONDS, scale);
  const usersPath = `${endpointPath}/Users`;
  const adminClient = startLoadClient(bench.app.baseUrl, bench.adminAuthorization);
  try {
    const scim = async (connections: number, prefix: string, durationSeconds = seconds) =>
      expectStatus(
        'POST /Users',
        await client.cannon({
          connections,
          durationSeconds,
          maxRequests: 50_000,
          pattern: { type: 'createUser', usersPath, namePrefix: prefix },
        }),
        201,
      ).rps;
    const admin = async (connections: number, prefix: string, durationSeconds = seconds) =>
      expectStatus(
        'POST /admin/users',
        await adminClient.cannon({
          connections,
          durationSeconds,
          maxRequests: 50_000,
          pattern: { type: 'createAdminUser', namePrefix: `admin-${prefix}`, roleId: bench.defaultRoleId },
        }),
        201,
      ).rps;

    // Warm-up (JIT, connection pool, page cache).
    await scim(4, 'warm', 2);
    await admin(4, 'warm', 2);
    await measureAdminCreateRate(context, 'service-warm', 4, seconds);

    const candidates: RoundCandidate<Key, number>[] = CONNECTIONS.flatMap((connections) => [
      { key: `scim-${connections}` as const, measure: (r: number) => scim(connections, `s${r}c${connections}`) },
      { key: `admin-${connections}` as const, measure: (r: number) => admin(connections, `a${r}c${connections}`) },
      {
        key: `service-${connections}` as const,
        measure: (r: number) => measureAdminCreateRate(context, `service-r${r}c${connections}`, connections, seconds),
      },
    ]);
    const samples = await interleavedRounds(rounds, candidates, (_, r) => log(`round ${r + 1} of ${rounds}`));
    const rows = CONNECTIONS.map((connections) => {
      const rate = (candidate: Candidate) => medianOf(samples, (x) => x[`${candidate}-${connections}`]);
      const [scimRate, adminRate, serviceRate] = [rate('scim'), rate('admin'), rate('service')];
      return {
        connections,
        scim: scimRate,
        admin: adminRate,
        service: serviceRate,
        scimOverAdmin: round(scimRate / adminRate, 2),
        // Cost per create is 1 / rate: SCIM's cost over the service's.
        scimCostOverService: round(serviceRate / scimRate, 2),
      };
    });
    for (const row of rows)
      log(
        `${row.connections} connection(s): POST /Users ${row.scim} req/s, POST /admin/users ${row.admin} req/s, service ${row.service} /s`,
      );
    return {
      section: 'create-ratios',
      title: "SCIM create against Strapi's own admin-user create",
      figures: rows.map((row) => ({
        label: `${row.connections} connection${row.connections === 1 ? '' : 's'} (in flight)`,
        value: `POST /Users ${row.scim} req/s, POST /admin/users ${row.admin} req/s, admin::user service ${row.service} /s`,
      })),
      targets: rows.flatMap((row) => [
        target(`POST /Users / POST /admin/users req/s, ${row.connections} conn.`, row.scimOverAdmin, '×', '>=', 2),
        target(
          `cost of POST /Users / admin::user service create, ${row.connections} in flight`,
          row.scimCostOverService,
          '×',
          '<=',
          1.5,
        ),
      ]),
      data: { rounds, seconds, rows, samples },
      notes: [
        `Each round, at 1, 4 and 8 connections in turn: ${seconds} s of POST /Users (Entra-style bodies, unique userNames) and ${seconds} s of Strapi's POST /admin/users with the Super Admin's token, both from the load client (autocannon), then ${seconds} s of \`strapi.service('admin::user').create\` in process with as many in flight. Rates are medians of ${rounds} round${rounds === 1 ? '' : 's'}; ratios are taken between the medians. The in-process service is Strapi's path, so it pays Strapi's per-create telemetry reads, which the plugin's create path skips (docs/decisions/admin-user-create-path.md).`,
      ],
    };
  } finally {
    adminClient.close();
  }
};
