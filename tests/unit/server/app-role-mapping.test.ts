import { appRoleValues, rolesOfAppRoles } from '../../../server/src/services/app-role-mapping';

const ROLES = [
  { id: 1, name: 'Super Admin', code: 'strapi-super-admin' },
  { id: 2, name: 'Editor', code: 'strapi-editor' },
  { id: 3, name: 'Author', code: 'strapi-author' },
];
const rules = (
  appRoleMatch: 'off' | 'name' | 'code' | 'table',
  appRoleMappings = [{ value: 'Writer', roleId: 3 }],
) => ({
  appRoleMatch,
  appRoleMappings,
});

describe('appRoleValues', () => {
  it('reads the value of each roles element in order, skipping elements without a string value', () => {
    expect(
      appRoleValues({
        schemas: [],
        roles: [{ value: 'Editor', primary: true }, { display: 'no value' }, null, { value: ' ' }, { value: 'Author' }],
      }),
    ).toEqual(['Editor', 'Author']);
    expect(appRoleValues({ schemas: [], roles: 'Editor' })).toEqual([]);
    expect(appRoleValues(undefined)).toEqual([]);
  });
});

describe('rolesOfAppRoles', () => {
  it('matches by name or code without case, in the order of the values', () => {
    expect(rolesOfAppRoles(['author', ' EDITOR '], rules('name'), ROLES)).toEqual([3, 2]);
    expect(rolesOfAppRoles(['strapi-editor', 'Editor'], rules('code'), ROLES)).toEqual([2]);
  });

  it('matches by the table in table order, and gives nothing when off', () => {
    const table = rules('table', [
      { value: 'Writer', roleId: 3 },
      { value: 'Chief', roleId: 2 },
      { value: 'writer', roleId: 2 },
    ]);
    expect(rolesOfAppRoles(['chief', 'WRITER'], table, ROLES)).toEqual([3, 2, 2]);
    expect(rolesOfAppRoles(['Editor'], table, ROLES)).toEqual([]);
    expect(rolesOfAppRoles(['Editor'], rules('off'), ROLES)).toEqual([]);
  });
});
