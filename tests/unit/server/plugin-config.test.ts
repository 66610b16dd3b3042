import config from '../../../server/src/config';

describe('plugin config validation', () => {
  it('defaults to admin users, no linking of existing users, deactivation on delete', () => {
    expect(config.default()).toEqual({
      target: 'admin',
      linkExistingUsers: false,
      onDelete: 'deactivate',
      usersPermissionsProvider: 'local',
      activityRetentionDays: 90,
      activityMaxEntries: 100000,
    });
  });

  it('names onDelete and its values when it is wrong', () => {
    expect(() => config.validator({ onDelete: 'archive' })).toThrow(/option "onDelete".*"deactivate".*"delete"/);
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
