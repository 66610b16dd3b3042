import { fieldsThatGrantUsers } from '../../../server/src/services/settings-grant-scope';

const current = {
  enabled: false,
  productionMode: false,
  defaultRoleId: 3,
  groupRoleMappings: [{ groupId: 'g1', roleId: 2 }],
  appRoleMatch: 'off' as const,
  appRoleMappings: [],
};

describe('fieldsThatGrantUsers', () => {
  it('names a new default role, changed mappings, production mode switched on and enabling in production mode', () => {
    expect(fieldsThatGrantUsers({ defaultRoleId: 2 }, current)).toEqual(['defaultRoleId']);
    expect(fieldsThatGrantUsers({ groupRoleMappings: [] }, current)).toEqual(['groupRoleMappings']);
    expect(fieldsThatGrantUsers({ groupRoleMappings: [{ groupId: 'g1', roleId: 3 }] }, current)).toEqual([
      'groupRoleMappings',
    ]);
    expect(fieldsThatGrantUsers({ productionMode: true }, current)).toEqual(['productionMode']);
    expect(fieldsThatGrantUsers({ enabled: true }, { ...current, productionMode: true })).toEqual(['enabled']);
    expect(fieldsThatGrantUsers({ enabled: true, productionMode: true }, current)).toEqual([
      'productionMode',
      'enabled',
    ]);
  });

  it('names nothing for unchanged values, switching off, disabling, or enabling in test mode', () => {
    expect(fieldsThatGrantUsers({ ...current }, current)).toEqual([]);
    expect(
      fieldsThatGrantUsers(
        { productionMode: false, enabled: false },
        { ...current, productionMode: true, enabled: true },
      ),
    ).toEqual([]);
    expect(fieldsThatGrantUsers({ enabled: true }, current)).toEqual([]);
    expect(
      fieldsThatGrantUsers({ enabled: true, productionMode: false }, { ...current, productionMode: true }),
    ).toEqual([]);
    expect(fieldsThatGrantUsers({}, current)).toEqual([]);
  });
});
