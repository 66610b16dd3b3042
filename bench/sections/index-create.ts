/**
 * The create cost of the attribute index: sustained POST /Users (production mode, admin users) in an app with
 * `indexedAttributes` (employeeNumber, emails.type, emails.value: three index rows per user) and in one without.
 * The option is read at startup, so each variant is its own section process (`index-create-plain`,
 * `index-create-indexed`); run.ts interleaves them (plain, indexed, plain, indexed) and compares the medians.
 */
import os from 'node:os';
import { expectStatus } from '../support/checks';
import { seedUsers } from '../support/seed';
import { median } from '../support/stats';
import type { SectionContext, SectionResult } from '../support/section';
import { INDEXED_ATTRIBUTES } from './index-lookup';

const ROUNDS = 3;
const SECONDS = 5;
/** Users already there, so the index table is not empty. */
const SEEDED = 2000;

const createSection = (variant: 'plain' | 'indexed') => ({
  env: { SCIM_INDEXED_ATTRIBUTES: JSON.stringify(variant === 'indexed' ? INDEXED_ATTRIBUTES : { User: [] }) },
  run: async (context: SectionContext): Promise<SectionResult> => {
    const { bench, client, endpointPath, log } = context;
    await seedUsers(bench, 'seed', 0, SEEDED);
    const post = (prefix: string, seconds: number) =>
      client.cannon({
        connections: 4,
        durationSeconds: seconds,
        maxRequests: 20_000,
        pattern: { type: 'createUser', usersPath: `${endpointPath}/Users`, namePrefix: prefix },
      });
    expectStatus('warm-up POST', await post('warm', 2), 201);
    const rounds = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      const result = expectStatus('POST c4', await post(`r${r}`, SECONDS), 201);
      rounds.push({ rps: result.rps, p50: result.p50, p95: result.p95, load: os.loadavg()[0] });
      log(`${variant} round ${r + 1}: ${result.rps} req/s, p50 ${result.p50} ms`);
    }
    const indexRows = await bench.strapi.db.query('plugin::scim.attribute-index').count();
    const rps = median(rounds.map((x) => x.rps));
    const p50 = median(rounds.map((x) => x.p50));
    return {
      section: `index-create-${variant}`,
      title: `Create with indexedAttributes ${variant === 'indexed' ? 'on (3 index rows per user)' : 'off'}`,
      figures: [{ label: 'POST /Users, 4 connections', value: `${rps} req/s, p50 ${p50} ms` }],
      targets: [],
      data: { variant, rps, p50, rounds, indexRows },
      notes: [`${indexRows.toLocaleString('en-US')} index rows at the end.`],
    };
  },
});

export const plain = createSection('plain');
export const indexed = createSection('indexed');
