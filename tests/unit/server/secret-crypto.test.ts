import { findMatchingHash, generateSecret, hashSecret, secretHint } from '../../../server/src/services/secret-crypto';
import { presentedSecret } from '../../../server/src/http/presented-secret';

describe('secret crypto', () => {
  it('generates distinct 256-bit secrets behind the scim_ prefix', () => {
    const secrets = new Set(Array.from({ length: 100 }, generateSecret));
    expect(secrets.size).toBe(100);
    for (const secret of secrets) {
      expect(secret).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret.slice(5), 'base64url')).toHaveLength(32);
    }
  });

  it('hashes with SHA-256 and hints with the last 4 characters', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(secretHint('scim_abcdWXYZ')).toBe('WXYZ');
  });

  it('finds the matching stored hash, and none for an unknown secret', () => {
    const rows = ['a', 'b', 'c'].map((value, index) => ({ id: index + 1, hash: hashSecret(value) }));
    expect(findMatchingHash(hashSecret('b'), rows)?.id).toBe(2);
    expect(findMatchingHash(hashSecret('z'), rows)).toBeNull();
    expect(findMatchingHash(hashSecret('a'), [{ id: 9, hash: 'abcd' }])).toBeNull();
  });
});

describe('presented secret', () => {
  it.each([
    ['Bearer scim_x', 'scim_x'],
    ['bearer   scim_x', 'scim_x'],
    ['scim_x', 'scim_x'],
    ['  scim_x  ', 'scim_x'],
    ['Basic dXNlcg==', null],
    ['Bearer', 'Bearer'],
    ['', null],
    [undefined, null],
  ])('reads %p as %p', (header, expected) => {
    expect(presentedSecret(header)).toBe(expected);
  });
});
