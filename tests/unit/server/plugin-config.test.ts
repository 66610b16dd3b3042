import config from '../../../server/src/config';

describe('plugin config validation', () => {
  it('defaults the target to admin users', () => {
    expect(config.default()).toEqual({ target: 'admin' });
  });

  it('accepts the users-permissions target', () => {
    expect(() => config.validator({ target: 'users-permissions' })).not.toThrow();
  });

  it('names the option and the expected values when a value is wrong', () => {
    expect(() => config.validator({ target: 'ldap' })).toThrow(/option "target".*"admin".*"users-permissions"/);
  });

  it('names an unknown option', () => {
    expect(() => config.validator({ targett: 'admin' })).toThrow(/targett/);
  });
});
