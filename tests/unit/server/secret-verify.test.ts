import type { Core } from '@strapi/strapi';
import createSecretsService from '../../../server/src/services/secrets';
import { generateSecret, hashSecret } from '../../../server/src/services/secret-crypto';

/** Every hash and constant-time comparison the secrets service makes, counted through node:crypto. */
const mockCrypto = { createHash: 0, timingSafeEqual: 0 };
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return {
    ...actual,
    createHash: (...args: Parameters<typeof actual.createHash>) => {
      mockCrypto.createHash += 1;
      return actual.createHash(...args);
    },
    timingSafeEqual: (...args: Parameters<typeof actual.timingSafeEqual>) => {
      mockCrypto.timingSafeEqual += 1;
      return actual.timingSafeEqual(...args);
    },
  };
});

interface Row {
  id: number;
  hash: string;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

/** The service over an in-memory table: only the database is faked, the verification path is the real one. */
const serviceOver = (rows: Row[]) => {
  const updateMany = jest.fn(() => Promise.resolve({ count: 1 }));
  const strapi = {
    db: { query: () => ({ findMany: () => Promise.resolve(rows.map((row) => ({ ...row }))), updateMany }) },
    config: { get: () => undefined },
  } as unknown as Core.Strapi;
  return { service: createSecretsService({ strapi }), updateMany };
};

const storedSecrets = (count: number) => {
  const plaintexts = Array.from({ length: count }, () => generateSecret());
  const rows: Row[] = plaintexts.map((secret, index) => ({
    id: index + 1,
    hash: hashSecret(secret),
    lastUsedAt: new Date(),
    expiresAt: null,
  }));
  return { plaintexts, rows };
};

/** The right secret with its last character changed: right prefix, wrong rest. */
const wrongVersionOf = (secret: string) => secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');

const countWork = async (verify: () => Promise<unknown>) => {
  mockCrypto.createHash = 0;
  mockCrypto.timingSafeEqual = 0;
  await verify();
  return { ...mockCrypto };
};

describe('secret verification does the same work for unknown, wrong and right secrets', () => {
  it.each([1, 3, 25])('with %i stored secrets, whichever one matches', async (count) => {
    const { plaintexts, rows } = storedSecrets(count);
    const { service } = serviceOver(rows);
    const expected = { createHash: 1, timingSafeEqual: count };
    expect(await countWork(() => service.verify(generateSecret()))).toEqual(expected);
    for (const position of [0, count - 1]) {
      expect(await countWork(() => service.verify(wrongVersionOf(plaintexts[position])))).toEqual(expected);
      expect(await countWork(() => service.verify(plaintexts[position]))).toEqual(expected);
    }
  });

  it('tells unknown, right and expired apart only after comparing with every secret', async () => {
    const { plaintexts, rows } = storedSecrets(3);
    rows[2].expiresAt = new Date(Date.now() - 1_000);
    const { service } = serviceOver(rows);
    expect(await service.verify(wrongVersionOf(plaintexts[0]))).toEqual({ status: 'unknown' });
    expect(await service.verify(plaintexts[1])).toEqual({ status: 'valid', id: 2, quirksSeen: [] });
    expect(await service.verify(plaintexts[2])).toEqual({
      status: 'expired',
      id: 3,
      expiresAt: rows[2].expiresAt.toISOString(),
    });
  });

  it('writes lastUsedAt only when the stored value is older than a minute, and then conditionally', async () => {
    const { plaintexts, rows } = storedSecrets(2);
    rows[1].lastUsedAt = new Date(Date.now() - 61_000);
    const { service, updateMany } = serviceOver(rows);
    await service.verify(plaintexts[0]);
    expect(updateMany).not.toHaveBeenCalled();
    await service.verify(plaintexts[1]);
    expect(updateMany).toHaveBeenCalledTimes(1);
    const [{ where }] = updateMany.mock.calls[0] as unknown as [{ where: { id: number; $or: unknown[] } }];
    expect(where.id).toBe(2);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- @types/jest types asymmetric matchers as any
    expect(where.$or).toEqual([{ lastUsedAt: { $null: true } }, { lastUsedAt: { $lt: expect.any(Date) } }]);
  });

  it('sets firstUsedAt with lastUsedAt on the first use of a secret only', async () => {
    const { plaintexts, rows } = storedSecrets(2);
    rows[0].lastUsedAt = null;
    rows[1].lastUsedAt = new Date(Date.now() - 61_000);
    const { service, updateMany } = serviceOver(rows);
    await service.verify(plaintexts[0]);
    await service.verify(plaintexts[1]);
    const data = updateMany.mock.calls.map((call) => Object.keys((call as unknown as [{ data: object }])[0].data));
    expect(data).toEqual([['firstUsedAt', 'lastUsedAt'], ['lastUsedAt']]);
  });

  it('takes as long for an unknown secret as for a wrong one (median ratio printed)', async () => {
    const { plaintexts, rows } = storedSecrets(5);
    const { service } = serviceOver(rows);
    const unknown = generateSecret();
    const wrong = wrongVersionOf(plaintexts[2]);
    const samples: Record<'unknown' | 'wrong', number[]> = { unknown: [], wrong: [] };
    const time = async (kind: 'unknown' | 'wrong', secret: string) => {
      const start = process.hrtime.bigint();
      await service.verify(secret);
      samples[kind].push(Number(process.hrtime.bigint() - start));
    };
    for (let i = 0; i < 200; i += 1) await time(i % 2 ? 'unknown' : 'wrong', i % 2 ? unknown : wrong);
    samples.unknown = [];
    samples.wrong = [];
    // Interleaved, so that load from other processes falls on both alike.
    for (let i = 0; i < 5_000; i += 1) {
      if (i % 2) {
        await time('unknown', unknown);
        await time('wrong', wrong);
      } else {
        await time('wrong', wrong);
        await time('unknown', unknown);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const ratio = median(samples.unknown) / median(samples.wrong);
    process.stdout.write(
      `verify (5 stored secrets, 5000 each): median unknown ${(median(samples.unknown) / 1000).toFixed(1)} µs, ` +
        `wrong ${(median(samples.wrong) / 1000).toFixed(1)} µs, unknown/wrong median ratio ${ratio.toFixed(3)}\n`,
    );
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });
});
