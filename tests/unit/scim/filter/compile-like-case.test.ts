import { compileFilter, parseFilter } from '../../../../server/src/scim/filter';
import type { ColumnMap } from '../../../../server/src/scim/filter/where-clause';

const columns: ColumnMap = {
  externalId: { column: 'externalId', type: 'string' },
  userName: { column: 'userNameKey', type: 'string', normalized: true },
};

const compile = (filter: string, likeIgnoresCase: boolean) =>
  compileFilter(parseFilter(filter), { columns, likeIgnoresCase });

describe('compiling substring filters for a database whose LIKE ignores case', () => {
  it('turns sw on a case-exact column into a binary range', () => {
    expect(compile('externalId sw "Ab"', true)).toEqual({
      externalId: { $gte: 'Ab', $lt: `Ab${String.fromCodePoint(0x10ffff)}` },
    });
  });

  it('refuses co and ew on a case-exact column rather than answering without case', () => {
    /* eslint-disable @typescript-eslint/no-unsafe-argument -- @types/jest types asymmetric matchers as any */
    expect(() => compile('externalId co "Ab"', true)).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidFilter' }),
    );
    /* eslint-enable @typescript-eslint/no-unsafe-argument */
    expect(() => compile('externalId ew "Ab"', true)).toThrow(/case-exact/);
  });

  it('keeps LIKE for normalized columns and for databases whose LIKE respects case', () => {
    expect(compile('userName co "AB"', true)).toEqual({ userNameKey: { $contains: 'ab' } });
    expect(compile('externalId co "Ab"', false)).toEqual({ externalId: { $contains: 'Ab' } });
  });
});
