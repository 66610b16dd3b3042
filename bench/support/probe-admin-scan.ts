/**
 * Evidence for the create miss: Strapi's admin::user afterCreate lifecycle (metrics.sendDidChangeInterfaceLanguage ->
 * user.getLanguagesInUse) reads every admin user on each create. Times it, and the service create, at growing
 * admin-user counts (rows filled in directly with knex).
 *   node --expose-gc -r ./scripts/register-ts.js bench/support/probe-admin-scan.ts [sqlite|postgres]
 */
import { adminUserAttributes, adminUserService, fillerAdminRow } from './admin-users';
import { startBenchApp } from './bench-app';
import { median } from './stats';

void (async () => {
  const bench = await startBenchApp((process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres');
  const knex = bench.strapi.db.connection;
  const service = adminUserService(bench);
  let filled = 1;
  let n = 0;
  for (const size of [100, 10_000, 30_000]) {
    const rows = [];
    for (; filled < size; filled += 1) rows.push(fillerAdminRow(filled));
    for (let i = 0; i < rows.length; i += 500) await knex('admin_users').insert(rows.slice(i, i + 500));
    const scans = [];
    for (let i = 0; i < 15; i += 1) {
      const t = process.hrtime.bigint();
      await service.getLanguagesInUse();
      scans.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    // Garbage one scan leaves behind (run with --expose-gc): heap growth across one call, after a full GC.
    const gc = (global as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    await service.getLanguagesInUse();
    const scanAllocatedMiB = ((process.memoryUsage().heapUsed - heapBefore) / 1024 ** 2).toFixed(1);
    const creates = [];
    for (let i = 0; i < 50; i += 1) {
      const t = process.hrtime.bigint();
      await service.create(adminUserAttributes(bench, `probe${n++}`));
      creates.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    filled += 50;
    console.log(
      JSON.stringify({
        adminUsers: filled,
        getLanguagesInUseMs: median(scans).toFixed(2),
        scanAllocatedMiB: gc ? scanAllocatedMiB : 'run with --expose-gc',
        serviceCreateMs: median(creates).toFixed(2),
      }),
    );
  }
  await bench.stop();
  process.exit(0);
})();
