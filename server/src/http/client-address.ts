import { isIP, isIPv6 } from 'node:net';

/**
 * The one key every client address that is not an IP address shares (a garbage X-Forwarded-For, an empty address):
 * such a value cannot mint keys of its own, so it cannot escape the throttle or grow its tables, and it gets no
 * bigger than this.
 */
export const INVALID_CLIENT_KEY = 'invalid';

/**
 * The key a client address is throttled under. An IPv4 address (also in its IPv4-mapped IPv6 form) is its own
 * key; an IPv6 address is keyed by its /64 prefix, since one subscriber usually holds a whole /64 and could
 * otherwise step to a fresh address for every attempt. Anything `net.isIP` does not accept is INVALID_CLIENT_KEY.
 */
export const throttleKeyOf = (ip: string): string => {
  const address = ip.trim().toLowerCase();
  if (isIP(address) === 0) return INVALID_CLIENT_KEY;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
};

/** The eight 16-bit groups of an IPv6 address, without a zone id; an embedded IPv4 tail counts as two. */
const expandIPv6 = (address: string): string[] => {
  const withoutZone = address.split('%')[0];
  const [head, tail = ''] = withoutZone.split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap(ipv4AsGroups) : []);
  const left = groups(head);
  const right = withoutZone.includes('::') ? groups(tail) : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array.from({ length: Math.max(0, missing) }, () => '0'), ...right].map((group) =>
    group.replace(/^0+(?=.)/, ''),
  );
};

const ipv4AsGroups = (group: string): string[] => {
  if (!group.includes('.')) return [group];
  const [a, b, c, d] = group.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
};
