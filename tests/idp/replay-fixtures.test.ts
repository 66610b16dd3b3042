import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { adminApi } from '../integration/support/admin-api';
import { startTestApp, type TestApp } from '../integration/support/test-app';
import { loadFixtures, type FixtureStep } from './support/fixture';
import { mismatch, readPointer } from './support/match-response';
import { fixtureResultsFile, type StepResult } from './support/results';

/**
 * Replays the identity providers' request sequences in tests/idp/fixtures against the playground in
 * production mode, one step a test, and writes what passed to tests/idp/results/fixtures-<database>.json,
 * from which scripts/compatibility-matrix.ts builds docs/compatibility.md.
 */
const fixtures = loadFixtures();
const results: StepResult[] = [];
let app: TestApp | undefined;
let endpoint: string;
let secret: string;

beforeAll(async () => {
  app = await startTestApp();
  const api = adminApi(app.baseUrl, await app.login());
  await api.enable();
  endpoint = (await api.call('PUT', '/scim/settings', { productionMode: true })).body.data.endpointUrl;
  secret = (await api.createSecret('identity-provider fixtures')).secret;
});

afterAll(async () => {
  if (app) {
    const file = fixtureResultsFile(app.database.client);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ database: app.database.client, steps: results }, null, 2)}\n`);
    await app.stop();
  }
});

const substitute = (text: string, variables: Map<string, string>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    if (name === 'random') return randomUUID();
    if (name === 'secret') return secret;
    const value = variables.get(name);
    if (value === undefined) throw new Error(`${whole} is not set: an earlier step did not save it`);
    return value;
  });

const substituteDeep = (value: unknown, variables: Map<string, string>): unknown => {
  if (typeof value === 'string') return substitute(value, variables);
  if (Array.isArray(value)) return value.map((element) => substituteDeep(element, variables));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [substitute(key, variables), substituteDeep(inner, variables)]),
    );
  }
  return value;
};

/** The path with each query parameter value URL-encoded, so fixtures can write filters as the IdP means them. */
const encodePath = (pathAndQuery: string): string => {
  const [pathname, query] = pathAndQuery.split(/\?(.*)/s, 2);
  if (!query) return pathname;
  const encoded = query.split('&').map((pair) => {
    const [key, value = ''] = pair.split(/=(.*)/s, 2);
    return `${key}=${encodeURIComponent(value)}`;
  });
  return `${pathname}?${encoded.join('&')}`;
};

const authorization = (auth: FixtureStep['request']['auth']): Record<string, string> =>
  auth === 'none' ? {} : { authorization: auth === 'bare' ? secret : `Bearer ${secret}` };

const runStep = async (step: FixtureStep, variables: Map<string, string>): Promise<string[]> => {
  const request = step.request;
  const url = `${endpoint}${encodePath(substitute(request.path, variables))}`;
  const headers: Record<string, string> = { ...authorization(request.auth) };
  for (const [name, value] of Object.entries(request.headers))
    headers[name.toLowerCase()] = substitute(value, variables);
  let body: string | undefined;
  if (request.body !== undefined) {
    body = JSON.stringify(substituteDeep(request.body, variables));
    headers['content-type'] ??= 'application/scim+json';
  }
  const response = await fetch(url, { method: request.method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const problems: string[] = [];
  if (response.status !== step.expect.status)
    problems.push(`status: expected ${step.expect.status}, got ${response.status} ${text.slice(0, 300)}`);
  for (const [name, expected] of Object.entries(step.expect.headers)) {
    const actual = response.headers.get(name) ?? '';
    if (!actual.includes(substitute(expected, variables)))
      problems.push(`header ${name}: expected to contain "${expected}", got "${actual}"`);
  }
  for (const [pointer, expected] of Object.entries(step.expect.fields)) {
    const problem = mismatch(readPointer(json, pointer), substituteDeep(expected, variables));
    if (problem) problems.push(`${pointer}: ${problem}`);
  }
  for (const [name, pointer] of Object.entries(step.save)) {
    const value = readPointer(json, pointer);
    if (typeof value === 'string') variables.set(name, value);
    else problems.push(`save ${name}: ${pointer} is not a string (${JSON.stringify(value)})`);
  }
  return problems;
};

describe.each(fixtures.map(({ file, fixture }) => [file, fixture] as const))('%s', (file, fixture) => {
  const variables = new Map<string, string>();
  it.each(fixture.steps.map((step, index) => [index + 1, step] as const))('step %i', async (index, step) => {
    const problems = await runStep(step, variables).catch((error: unknown) => [
      `request failed: ${error instanceof Error ? error.message : String(error)}`,
    ]);
    results.push({
      client: fixture.client,
      file,
      step: index,
      feature: step.feature,
      name: step.name,
      passed: problems.length === 0,
      problems,
    });
    if (problems.length > 0)
      throw new Error(`${fixture.title} / ${step.feature}: ${step.name}\n  ${problems.join('\n  ')}`);
  });
});
