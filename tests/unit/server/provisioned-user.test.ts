import { pickEmail } from '../../../server/src/services/store/email-key';
import { toProvisionedUser } from '../../../server/src/services/targets/provisioned-user';

const user = (extra: Record<string, unknown>) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: 'bjensen',
  ...extra,
});

describe('the host user made from a SCIM user', () => {
  it('takes the primary email, else the work email, else the first, lower-cased', () => {
    expect(
      pickEmail(
        user({
          emails: [
            { value: 'Home@Example.com', type: 'home' },
            { value: 'Work@Example.com', type: 'work', primary: true },
          ],
        }),
      ),
    ).toBe('work@example.com');
    expect(
      pickEmail(
        user({
          emails: [
            { value: 'home@example.com', type: 'home' },
            { value: 'work@example.com', type: 'work' },
          ],
        }),
      ),
    ).toBe('work@example.com');
    expect(pickEmail(user({ emails: [{ value: 'other@example.com', type: 'other' }] }))).toBe('other@example.com');
  });

  it('falls back to a userName that is an email address, and to none', () => {
    expect(pickEmail(user({ userName: 'BJensen@Example.com' }))).toBe('bjensen@example.com');
    expect(pickEmail(user({}))).toBeNull();
    expect(pickEmail(user({ emails: [{ value: 'not an address' }] }))).toBeNull();
  });

  it('maps names and active', () => {
    expect(
      toProvisionedUser(
        user({ name: { givenName: ' Barbara ', familyName: 'Jensen' }, displayName: 'Babs', active: false }),
      ),
    ).toEqual({
      userName: 'bjensen',
      email: null,
      givenName: 'Barbara',
      familyName: 'Jensen',
      displayName: 'Babs',
      active: false,
    });
  });
});
