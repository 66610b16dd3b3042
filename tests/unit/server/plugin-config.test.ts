import { readFileSync } from 'node:fs';
import path from 'node:path';
import config, { pluginConfigSchema } from '../../../server/src/config';

describe('plugin config validation', () => {
  it('defaults to admin users, no linking of existing users, deactivation on delete', () => {
    expect(config.default()).toEqual({
      target: 'admin',
      linkExistingUsers: false,
      updateLinkedUserEmail: false,
      onDelete: 'deactivate',
      usersPermissionsProvider: 'local',
      allowSuperAdmin: false,
      allowSecretReveal: true,
      activityRetentionDays: 90,
      activityMaxEntries: 100000,
      refusedMaxEntries: 10000,
      authFailuresPerMinute: 20,
      secretRequestsPerSecond: 0,
      attributeMappings: [],
      indexedAttributes: { User: [], Group: [] },
      jobLeaseSeconds: 60,
      invitations: { locale: 'en' },
    });
  });

  it('takes an invitation locale the admin panel is translated into, and names the others', () => {
    expect(pluginConfigSchema.parse({ invitations: { locale: 'de' } }).invitations).toEqual({ locale: 'de' });
    expect(pluginConfigSchema.parse({ invitations: {} }).invitations).toEqual({ locale: 'en' });
    expect(() => config.validator({ invitations: { locale: 'xx' } })).toThrow(/option "invitations.locale".*"fr"/);
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

  it('accepts 0 to turn throttling off, and refuses negative or fractional limits', () => {
    expect(() => config.validator({ authFailuresPerMinute: 0, secretRequestsPerSecond: 0 })).not.toThrow();
    expect(() => config.validator({ authFailuresPerMinute: -1 })).toThrow(/option "authFailuresPerMinute"/);
    expect(() => config.validator({ secretRequestsPerSecond: 2.5 })).toThrow(/option "secretRequestsPerSecond"/);
  });

  it('refuses a non-boolean updateLinkedUserEmail, naming it', () => {
    expect(() => config.validator({ updateLinkedUserEmail: 'yes' })).toThrow(/option "updateLinkedUserEmail"/);
  });

  it('names an unknown option', () => {
    expect(() => config.validator({ targett: 'admin' })).toThrow(/targett/);
  });
});

describe('docs/configuration.md', () => {
  const doc = readFileSync(path.resolve(__dirname, '../../../docs/configuration.md'), 'utf8');
  const documented = new Map(
    [...doc.matchAll(/^\| `(\w+)` \| `?([^|`]+?)`? \|/gm)].map(([, name, value]) => [name, value.trim()]),
  );

  it('documents every option of the schema, and no other', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(pluginConfigSchema.shape).sort());
  });

  it('states each default as the schema has it', () => {
    const defaults = config.default() as Record<string, unknown>;
    for (const [name, value] of documented) {
      const fallback = defaults[name] as string | number | boolean | object;
      const expected = typeof fallback === 'object' ? JSON.stringify(fallback) : String(fallback);
      expect([name, value.replace(/^'|'$/g, '')]).toEqual([name, expected]);
    }
  });
});
