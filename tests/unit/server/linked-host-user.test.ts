import { linkedHostUserId } from '../../../server/src/services/targets/linked-host-user';

describe('linkedHostUserId', () => {
  it('gives the host user when it lives in the configured target', () => {
    expect(linkedHostUserId({ hostUserId: 7, hostTarget: 'admin' }, 'admin')).toBe(7);
    expect(linkedHostUserId({ hostUserId: 7, hostTarget: 'users-permissions' }, 'users-permissions')).toBe(7);
  });

  it('counts a row from before hostTarget was stored as linked in whatever target is configured', () => {
    expect(linkedHostUserId({ hostUserId: 7, hostTarget: null }, 'admin')).toBe(7);
    expect(linkedHostUserId({ hostUserId: 7, hostTarget: null }, 'users-permissions')).toBe(7);
  });

  it('gives nothing for a link into the other target, or no link', () => {
    expect(linkedHostUserId({ hostUserId: 7, hostTarget: 'users-permissions' }, 'admin')).toBeNull();
    expect(linkedHostUserId({ hostUserId: 7, hostTarget: 'admin' }, 'users-permissions')).toBeNull();
    expect(linkedHostUserId({ hostUserId: null, hostTarget: 'admin' }, 'admin')).toBeNull();
  });
});
