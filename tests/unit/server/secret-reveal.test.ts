import { decryptStoredCopy, notRevealableMessage } from '../../../server/src/services/secret-reveal';

describe('decryptStoredCopy', () => {
  it('returns the secret when the copy decrypts', () => {
    expect(decryptStoredCopy('v1:copy', true, () => 'scim_x')).toEqual({ status: 'ok', secret: 'scim_x' });
  });

  it('tells "no copy stored" from "no key" from "cannot be decrypted with the current key"', () => {
    expect(decryptStoredCopy(null, true, () => 'scim_x')).toEqual({ status: 'no-stored-copy' });
    expect(decryptStoredCopy('v1:copy', false, () => 'scim_x')).toEqual({ status: 'no-encryption-key' });
    expect(decryptStoredCopy('v1:copy', true, () => null)).toEqual({ status: 'undecryptable' });
  });

  it('never throws, whatever decrypt does with a malformed copy', () => {
    const throwing = () => {
      throw new Error('Invalid encrypted value format');
    };
    expect(decryptStoredCopy('garbage', true, throwing)).toEqual({ status: 'undecryptable' });
  });

  it('explains a key change without claiming the secret was made without a key', () => {
    expect(notRevealableMessage('undecryptable')).toMatch(/key has changed/);
    expect(notRevealableMessage('undecryptable')).not.toMatch(/created without/);
    expect(notRevealableMessage('reveal-disabled')).toMatch(/allowSecretReveal/);
  });
});
