import { throttleKeyOf } from '../../../server/src/http/client-address';

describe('client address throttle key', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:127.0.0.1', '127.0.0.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['', 'invalid'],
    ['not-an-address', 'invalid'],
    ['203.0.113.7, 198.51.100.1', 'invalid'],
    ['999.1.1.1', 'invalid'],
  ])('keys %p as %p', (ip, key) => {
    expect(throttleKeyOf(ip)).toBe(key);
  });

  it('keys anything that is not an IP address as one fixed key, however long', () => {
    const huge = 'x'.repeat(16 * 1024);
    expect(throttleKeyOf(huge)).toBe('invalid');
    expect(new Set(['garbage', '<script>', '1.2.3', huge].map(throttleKeyOf))).toEqual(new Set(['invalid']));
  });

  it('gives every address of one /64 the same key, and the next /64 another', () => {
    const keys = new Set(
      ['2001:db8:a:b::1', '2001:db8:a:b:ffff:ffff:ffff:ffff', '2001:db8:a:b:1234::'].map(throttleKeyOf),
    );
    expect(keys.size).toBe(1);
    expect(throttleKeyOf('2001:db8:a:c::1')).not.toBe([...keys][0]);
  });
});
