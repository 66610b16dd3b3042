import type { Client } from 'pg';
import { required } from '../integration/support/required';
import { createTestDatabase, type TestDatabase } from '../integration/support/test-database';
import { orUnassigned } from '../integration/support/unassigned';
import { connectToTestDatabase } from './support/database-client';
import { checkInvariants } from './support/invariants';
import { startPlayground, type PlaygroundProcess } from './support/playground';
import {
  GROUP_URN,
  adminCall,
  byUserName,
  isSuccess,
  patchOp,
  scimCall,
  userBody,
  type Answer,
} from './support/scim-client';

/**
 * Crash consistency on PostgreSQL: the playground runs as a child process in production mode with a mapped
 * group; a burst of provisioning writes (creates, member adds, deactivations, 5 at a time) is cut by
 * SIGKILL at a different moment in each iteration; the playground restarts on the same database; the
 * identity provider's retries are replayed as Entra ID does them (every request without a 2xx answer, and
 * a sample of those with one: look the user up by userName, then create or update); then the invariants
 * are checked in the database and nothing the identity provider was told is lost.
 */
const ITERATIONS = 4;
const USERS_PER_ITERATION = 20;
const WORKERS = 5;
/** Where in each burst the kill lands, as a fraction of the requests planned. */
const KILL_AT = [0.08, 0.3, 0.55, 0.8];
const REPLAY_SAMPLE = 0.3;
const CLIENT_TIMEOUT_SHARE = 0.1;
const SEED = Number(process.env.SCIM_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

interface PlannedUser {
  userName: string;
  groupId: string;
  deactivate: boolean;
}
type StepKind = 'create' | 'join' | 'deactivate';
interface Step {
  kind: StepKind;
  user: PlannedUser;
  /** The HTTP status, 0 when the connection was cut, undefined when never sent. */
  status?: number;
  /** The client gave up waiting for this one. */
  timedOut?: boolean;
}

let database: TestDatabase;
let db: Client;
let instance: PlaygroundProcess | undefined;
let endpointPath: string;
let secret: string;
const groupIds: string[] = [];
let mappedRoles: Record<string, string>;
const planned: PlannedUser[] = [];
const ids = new Map<string, string>();
/** Requests without an answer (cut by the kill or by the client's timeout): found done at replay, or not. */
const lostAnswers = { committed: 0, notCommitted: 0 };

/** mulberry32: the replay sample is reproducible from the printed seed. */
const random = (() => {
  let state = SEED >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();

const scim = (path: string, init: { method?: string; body?: unknown; timeoutMs?: number } = {}) =>
  scimCall(`${required(instance, 'a running playground').baseUrl}${endpointPath}${path}`, secret, init);

const stepsOf = (user: PlannedUser): Step[] => [
  { kind: 'create', user },
  { kind: 'join', user },
  ...(user.deactivate ? [{ kind: 'deactivate' as const, user }] : []),
];

/**
 * The request a step is on the wire, the first time it is sent. One in ten gives up after 5-25 ms, as an
 * identity provider's timeout does: the server goes on and usually commits, and the answer is lost.
 */
const send = async (step: Step): Promise<Answer> => {
  const { user } = step;
  const timeoutMs = random() < CLIENT_TIMEOUT_SHARE ? 5 + Math.floor(random() * 20) : undefined;
  if (timeoutMs !== undefined) step.timedOut = true;
  if (step.kind === 'create') {
    const answer = await scim('/Users', { method: 'POST', body: userBody(user.userName), timeoutMs });
    if (answer.status === 201) ids.set(user.userName, answer.body.id);
    return answer;
  }
  const id = required(ids.get(user.userName), `the id of ${user.userName}`);
  if (step.kind === 'join')
    return scim(`/Groups/${user.groupId}`, {
      method: 'PATCH',
      body: patchOp({ op: 'add', path: 'members', value: [{ value: id }] }),
      timeoutMs,
    });
  return scim(`/Users/${id}`, {
    method: 'PATCH',
    body: patchOp({ op: 'replace', path: 'active', value: false }),
    timeoutMs,
  });
};

/** Runs `work` over `items`, WORKERS at a time. */
const inParallel = async <T>(items: T[], work: (item: T) => Promise<void>) => {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
};

/**
 * Sends the burst; once `killAfter` answers have come back, SIGKILLs the playground a random 0-60 ms later,
 * with requests in flight: some cut before their commit, some (rarely) after it, their answer lost.
 */
const burst = async (steps: Map<PlannedUser, Step[]>, killAfter: number) => {
  let answers = 0;
  let kill: Promise<void> | undefined;
  let killed = false;
  const process = required(instance, 'a running playground');
  await inParallel([...steps.keys()], async (user) => {
    for (const step of required(steps.get(user), `the steps of ${user.userName}`)) {
      if (killed) return;
      step.status = (await send(step)).status;
      answers += 1;
      if (!kill && answers >= killAfter) {
        const jitter = Math.floor(random() * 60);
        kill = new Promise((resolve) => setTimeout(resolve, jitter)).then(() => {
          killed = true;
          return process.kill();
        });
      }
      // A user's next step waits for this one, as a provisioning engine orders one object's changes.
      if (!isSuccess(step)) return;
    }
  });
  await kill;
};

/** Entra ID's retry of one step: it finds the user by userName (it may never have heard the id), then acts. */
const replay = async (step: Step): Promise<Answer> => {
  const { user } = step;
  const lookup = await scim(byUserName(user.userName));
  expect(lookup.status).toBe(200);
  const resource = lookup.body.Resources[0] as
    { id: string; active: boolean; groups?: { value: string }[] } | undefined;
  const found = resource?.id;
  if (step.status === 0) {
    const done =
      step.kind === 'create'
        ? Boolean(resource)
        : step.kind === 'join'
          ? Boolean(resource?.groups?.some((group) => group.value === user.groupId))
          : resource?.active === false;
    lostAnswers[done ? 'committed' : 'notCommitted'] += 1;
  }
  if (step.kind === 'create') {
    if (found) {
      ids.set(user.userName, found);
      return scim(`/Users/${found}`, {
        method: 'PATCH',
        body: patchOp({ op: 'replace', path: 'name.familyName', value: 'Replayed' }),
      });
    }
    const created = await scim('/Users', { method: 'POST', body: userBody(user.userName) });
    if (created.status === 201) ids.set(user.userName, created.body.id);
    return created;
  }
  expect(found).toBeDefined();
  if (step.kind === 'join')
    return scim(`/Groups/${user.groupId}`, {
      method: 'PATCH',
      body: patchOp({ op: 'add', path: 'members', value: [{ value: found }] }),
    });
  return scim(`/Users/${found}`, { method: 'PATCH', body: patchOp({ op: 'replace', path: 'active', value: false }) });
};

/** Nothing the identity provider asked for is lost: each planned user exists once, in its group, active as planned. */
const checkPlanned = async () => {
  const rows = (
    await db.query(`
      select u.user_name_key, u.active, array_remove(array_agg(g.scim_id), null) as groups
      from scim_users u left join scim_memberships m on m.user_ref = u.id left join scim_groups g on g.id = m.group_ref
      group by u.id, u.user_name_key, u.active`)
  ).rows as { user_name_key: string; active: boolean; groups: string[] }[];
  const byName = new Map(rows.map((row) => [row.user_name_key, row]));
  let checked = 0;
  for (const user of planned) {
    expect({ user: user.userName, row: byName.get(user.userName) }).toEqual({
      user: user.userName,
      row: { user_name_key: user.userName, active: !user.deactivate, groups: [user.groupId] },
    });
    checked += 3;
  }
  expect(rows).toHaveLength(planned.length);
  return checked + 1;
};

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  db = await connectToTestDatabase(database);
  instance = await startPlayground(database.env);
  const token = await instance.login();
  const enabled = await adminCall(instance.baseUrl, token, 'PUT', '/scim/settings', { enabled: true });
  endpointPath = new URL(enabled.body.data.endpointUrl).pathname;
  secret = (await adminCall(instance.baseUrl, token, 'POST', '/scim/secrets', { label: 'crash' })).body.data.secret;
  for (const displayName of ['Crash editors', 'Crash readers', 'Crash others']) {
    const created = await scim('/Groups', { method: 'POST', body: { schemas: [GROUP_URN], displayName } });
    expect(created.status).toBe(201);
    groupIds.push(created.body.id);
  }
  const roles = enabled.body.data.roles as { id: number; code: string }[];
  const editor = required(
    roles.find((role) => role.code === 'strapi-editor'),
    'the strapi-editor role',
  );
  const settings = await adminCall(instance.baseUrl, token, 'PUT', '/scim/settings', {
    productionMode: true,
    groupRoleMappings: [{ groupId: groupIds[0], roleId: editor.id }],
  });
  expect(settings.status).toBe(200);
  mappedRoles = { [groupIds[0]]: 'strapi-editor' };
});

afterAll(async () => {
  await instance?.kill();
  await orUnassigned(db)?.end();
  await orUnassigned(database)?.drop();
});

it('keeps every invariant through SIGKILLs mid-burst and the retries of the identity provider', async () => {
  const totals = { kills: 0, timeouts: 0, sent: 0, cut: 0, unsent: 0, replayed: 0, invariants: 0 };
  const lines: string[] = [];
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const users: PlannedUser[] = Array.from({ length: USERS_PER_ITERATION }, (_, index) => ({
      userName: `crash${iteration}-${index}@example.com`,
      groupId: groupIds[index % groupIds.length],
      deactivate: index % 4 === 0,
    }));
    planned.push(...users);
    const steps = new Map(users.map((user) => [user, stepsOf(user)]));
    const all = [...steps.values()].flat();
    const killAfter = Math.max(1, Math.floor(all.length * KILL_AT[iteration % KILL_AT.length]));

    await burst(steps, killAfter);
    totals.kills += 1;
    const sent = all.filter((step) => step.status !== undefined);
    const cut = sent.filter((step) => step.status === 0).length;
    const failed = sent.filter((step) => step.status !== 0 && !isSuccess(step));
    expect(failed.map((step) => `${step.kind} ${step.user.userName}: ${step.status}`)).toEqual([]);

    instance = await startPlayground(database.env);
    let replayed = 0;
    await inParallel(users, async (user) => {
      for (const step of required(steps.get(user), `the steps of ${user.userName}`)) {
        if (step.status !== undefined && isSuccess(step) && random() >= REPLAY_SAMPLE) continue;
        const answer = await replay(step);
        replayed += 1;
        expect({ step: `${step.kind} ${user.userName}`, status: answer.status }).toEqual({
          step: `${step.kind} ${user.userName}`,
          // A replayed create is a POST (201) or, when the first attempt committed, a PATCH (204), as are the others.
          status: step.kind === 'create' && answer.status === 201 ? 201 : 204,
        });
      }
    });

    const report = await checkInvariants(db, {
      unmanagedEmails: ['admin@example.com'],
      defaultRoleCode: 'strapi-author',
      mappedRoles,
    });
    expect(report.violations).toEqual([]);
    const invariants = report.checked + (await checkPlanned());
    Object.assign(totals, {
      timeouts: totals.timeouts + sent.filter((step) => step.timedOut).length,
      sent: totals.sent + sent.length,
      cut: totals.cut + cut,
      unsent: totals.unsent + all.length - sent.length,
      replayed: totals.replayed + replayed,
      invariants: totals.invariants + invariants,
    });
    lines.push(
      `  iteration ${iteration + 1}: SIGKILL after ${killAfter}/${
        all.length
      } answers, ${cut} requests without an answer, ${
        all.length - sent.length
      } never sent, ${replayed} replayed, ${invariants} invariants checked`,
    );
  }
  process.stdout.write(
    `crash-consistency (seed ${SEED}): ${totals.kills + totals.timeouts} faults injected (${totals.kills} SIGKILL, ${
      totals.timeouts
    } client timeouts), ` +
      `${totals.sent} requests sent, ${totals.cut} without an answer (${lostAnswers.committed} found committed at replay, ${lostAnswers.notCommitted} not), ` +
      `${totals.unsent} never sent, ${totals.replayed} replayed, ${
        totals.invariants
      } invariants checked, 0 violated\n${lines.join('\n')}\n`,
  );
});
