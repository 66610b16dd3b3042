/**
 * 1. Floor: what the cheapest authenticated SCIM route costs over HTTP, and what the cheapest honest
 * creation of a Strapi admin user costs in process (the admin::user service, no HTTP, no SCIM).
 */
import { median, round } from '../support/stats';
import type { SectionContext, SectionResult } from '../support/section';
import { measureAdminCreateFloor, measureSpcFloor } from '../support/floors';

const ROUNDS = 3;

export const run = async (context: SectionContext): Promise<SectionResult> => {
  const { client, endpointPath, log } = context;
  const spcPath = `${endpointPath}/ServiceProviderConfig`;
  await client.cannon({
    connections: 4,
    durationSeconds: 2,
    maxRequests: 20_000,
    pattern: { type: 'fixed', method: 'GET', path: spcPath },
  });
  const rounds = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const spc = await measureSpcFloor(context);
    const create = await measureAdminCreateFloor(context, `floor${r}`, 500);
    rounds.push({ spc, create });
    log(
      `round ${r + 1}: SPC c1 p50 ${spc.c1.p50} ms, c4 ${spc.c4.rps} req/s; admin::user create c1 ${create.sequential}/s, c4 ${create.concurrent}/s`,
    );
  }
  const m = {
    spcRpsC4: median(rounds.map((x) => x.spc.c4.rps)),
    spcRpsC1: median(rounds.map((x) => x.spc.c1.rps)),
    spcP50: median(rounds.map((x) => x.spc.c1.p50)),
    spcP95: median(rounds.map((x) => x.spc.c1.p95)),
    createSeq: median(rounds.map((x) => x.create.sequential)),
    createC4: median(rounds.map((x) => x.create.concurrent)),
  };
  return {
    section: 'floor',
    title: '1. Floor',
    figures: [
      { label: 'GET /ServiceProviderConfig, 4 connections', value: `${m.spcRpsC4} req/s` },
      {
        label: 'GET /ServiceProviderConfig, 1 connection',
        value: `${m.spcRpsC1} req/s, p50 ${m.spcP50} ms, p95 ${m.spcP95} ms`,
      },
      {
        label: "strapi.service('admin::user').create, in process, one at a time",
        value: `${round(m.createSeq, 0)} /s`,
      },
      { label: "strapi.service('admin::user').create, in process, 4 in flight", value: `${round(m.createC4, 0)} /s` },
    ],
    targets: [],
    data: { medians: m, rounds },
    notes: [],
  };
};
