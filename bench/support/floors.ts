/** The two floors, reused by the sections that compare against them within their own run. */
import { adminUserAttributes, adminUserService } from './admin-users';
import type { SectionContext } from './section';
import { round } from './stats';

export const measureSpcFloor = async ({ client, endpointPath }: SectionContext, seconds = 3) => {
  const pattern = { type: 'fixed' as const, method: 'GET' as const, path: `${endpointPath}/ServiceProviderConfig` };
  const c1 = await client.cannon({ connections: 1, durationSeconds: seconds, maxRequests: 30_000, pattern });
  const c4 = await client.cannon({ connections: 4, durationSeconds: seconds, maxRequests: 60_000, pattern });
  return { c1, c4 };
};

/**
 * `count` admin users created through strapi.service('admin::user').create, the call the plugin's admin
 * target makes, with the same attributes (email, names, isActive, one role): one at a time, then 4 in flight.
 */
export const measureAdminCreateFloor = async ({ bench }: SectionContext, prefix: string, count: number) => {
  const service = adminUserService(bench);
  let started = process.hrtime.bigint();
  for (let n = 0; n < count; n += 1) await service.create(adminUserAttributes(bench, `${prefix}.seq.${n}`));
  const sequential = count / (Number(process.hrtime.bigint() - started) / 1e9);
  started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) await service.create(adminUserAttributes(bench, `${prefix}.c4.${next++}`));
    }),
  );
  const concurrent = count / (Number(process.hrtime.bigint() - started) / 1e9);
  return { sequential: round(sequential, 1), concurrent: round(concurrent, 1) };
};

/** Admin users created per second through the same service call, `inFlight` at a time, for `seconds`. */
export const measureAdminCreateRate = async (
  { bench }: SectionContext,
  prefix: string,
  inFlight: number,
  seconds: number,
): Promise<number> => {
  const service = adminUserService(bench);
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async (_, worker) => {
      for (let n = 0; Date.now() < deadline; n += 1) {
        await service.create(adminUserAttributes(bench, `${prefix}.w${worker}.${n}`));
        done += 1;
      }
    }),
  );
  return round(done / (Number(process.hrtime.bigint() - started) / 1e9), 1);
};
