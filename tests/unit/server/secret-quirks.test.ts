import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { requestQuirks } from '../../../server/src/http/request-quirks';
import { noteSecretQuirks, rememberSecretQuirks } from '../../../server/src/http/secret-quirks';
import createSecretsService from '../../../server/src/services/secrets';
import { generateSecret, hashSecret } from '../../../server/src/services/secret-crypto';

/** The secrets service over one stored row: only the database is faked. */
const serviceOver = (quirksSeen: unknown) => {
  const row = { id: 1, hash: '', lastUsedAt: new Date(), expiresAt: null, quirksSeen };
  const update = jest.fn(({ data }: { data: { quirksSeen: unknown } }) => Promise.resolve(Object.assign(row, data)));
  const findOne = jest.fn(() => Promise.resolve({ id: row.id, quirksSeen: row.quirksSeen }));
  const findMany = () => Promise.resolve([{ ...row }]);
  const strapi = {
    db: { query: () => ({ findOne, findMany, update }) },
    config: { get: () => undefined },
  } as unknown as Core.Strapi;
  return { service: createSecretsService({ strapi }), row, update, findOne };
};

describe('secrets.rememberQuirks', () => {
  it('adds only quirks the secret has not seen, after the ones it has', async () => {
    const { service, update } = serviceOver(['bearer-prefix-missing']);
    await service.rememberQuirks(1, ['bearer-prefix-missing', 'filter-unquoted-value']);
    expect(update).toHaveBeenCalledWith({
      where: { id: 1 },
      data: { quirksSeen: ['bearer-prefix-missing', 'filter-unquoted-value'] },
    });
  });

  it('writes nothing when every quirk is already stored (another request added it first)', async () => {
    const { service, update } = serviceOver(['filter-unquoted-value']);
    await service.rememberQuirks(1, ['filter-unquoted-value']);
    expect(update).not.toHaveBeenCalled();
  });

  it('reads a missing or malformed list as empty and drops ids the catalogue no longer has', async () => {
    for (const stored of [null, 'not a list', ['retired-quirk', 'patch-op-any-case']]) {
      const { service, update } = serviceOver(stored);
      await service.rememberQuirks(1, ['bearer-prefix-missing']);
      const kept = Array.isArray(stored) ? ['patch-op-any-case'] : [];
      expect(update).toHaveBeenCalledWith({
        where: { id: 1 },
        data: { quirksSeen: [...kept, 'bearer-prefix-missing'] },
      });
    }
  });

  it('returns what a valid secret has seen with its verification, at no extra query', async () => {
    const secret = generateSecret();
    const { service, row } = serviceOver(['patch-op-any-case']);
    row.hash = hashSecret(secret);
    expect(await service.verify(secret)).toEqual({ status: 'valid', id: 1, quirksSeen: ['patch-op-any-case'] });
  });
});

describe('rememberSecretQuirks', () => {
  const contextWith = (
    seen: Parameters<typeof noteSecretQuirks>[2],
    fired: Parameters<ReturnType<typeof requestQuirks>['fire']>[0][],
  ) => {
    const ctx = { state: {} } as Context;
    noteSecretQuirks(ctx, 5, seen);
    for (const id of fired) requestQuirks(ctx).fire(id);
    return ctx;
  };
  const strapiWith = (rememberQuirks: jest.Mock) => {
    const warn = jest.fn();
    const strapi = { plugin: () => ({ service: () => ({ rememberQuirks }) }), log: { warn } } as unknown as Core.Strapi;
    return { strapi, warn };
  };

  it('costs no query when the request fired nothing the secret has not seen', async () => {
    const rememberQuirks = jest.fn();
    const { strapi } = strapiWith(rememberQuirks);
    await rememberSecretQuirks(strapi, contextWith([], []));
    await rememberSecretQuirks(strapi, contextWith(['bearer-prefix-missing'], ['bearer-prefix-missing']));
    await rememberSecretQuirks(strapi, { state: {} } as Context);
    expect(rememberQuirks).not.toHaveBeenCalled();
  });

  it('passes on the new quirks only', async () => {
    const rememberQuirks = jest.fn(() => Promise.resolve());
    const { strapi } = strapiWith(rememberQuirks);
    await rememberSecretQuirks(
      strapi,
      contextWith(['bearer-prefix-missing'], ['bearer-prefix-missing', 'attributes-value-filter']),
    );
    expect(rememberQuirks).toHaveBeenCalledWith(5, ['attributes-value-filter']);
  });

  it('never fails the request: a failed update is a warning naming the secret by id only', async () => {
    const rememberQuirks = jest.fn(() => Promise.reject(new Error('database is locked')));
    const { strapi, warn } = strapiWith(rememberQuirks);
    await expect(rememberSecretQuirks(strapi, contextWith([], ['filter-string-boolean']))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('[scim] could not record the quirks of secret 5: database is locked');
  });
});
