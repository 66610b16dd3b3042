/**
 * Why an identity provider in the cloud could not reach an endpoint URL, read from the URL alone: plain http,
 * a name only this network knows, or a loopback, private or link-local address (IPv4 and IPv6). Pure, so that
 * it is unit-tested without a browser.
 */
export type EndpointIssue = 'http' | 'localhost' | 'internal-name' | 'loopback' | 'private' | 'link-local';

type AddressKind = 'loopback' | 'private' | 'link-local' | null;

const INTERNAL_SUFFIXES = ['.local', '.internal', '.lan', '.home.arpa', '.intranet', '.corp'];

const ipv4Octets = (host: string): number[] | null => {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  return octets.every((octet) => octet <= 255) ? octets : null;
};

const ipv4Kind = ([a, b]: number[]): AddressKind => {
  if (a === 127 || a === 0) return 'loopback';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  // 100.64.0.0/10: carrier-grade NAT, shared and not routed on the internet.
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  return null;
};

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (compressed, hex, no IPv4 dots). */
const ipv6Groups = (host: string): number[] | null => {
  const halves = host.split('::');
  if (halves.length > 2) return null;
  const parse = (half: string) => (half === '' ? [] : half.split(':').map((group) => parseInt(group, 16)));
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  const groups =
    halves.length === 2 ? [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
  return groups.length === 8 && groups.every((group) => group >= 0 && group <= 0xffff) ? groups : null;
};

const ipv6Kind = (groups: number[]): AddressKind => {
  const [first] = groups;
  if (groups.slice(0, 7).every((group) => group === 0) && groups[7] <= 1) return 'loopback';
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return ipv4Kind([groups[6] >> 8, groups[6] & 0xff]);
  }
  if ((first & 0xfe00) === 0xfc00) return 'private';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  return null;
};

const hostIssue = (hostname: string): EndpointIssue | null => {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) {
    const groups = ipv6Groups(host.slice(1, -1));
    return groups ? ipv6Kind(groups) : null;
  }
  const octets = ipv4Octets(host);
  if (octets) return ipv4Kind(octets);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
  if (!host.includes('.') || INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'internal-name';
  return null;
};

export const endpointIssues = (endpointUrl: string): EndpointIssue[] => {
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    return [];
  }
  const issues: EndpointIssue[] = [];
  if (url.protocol === 'http:') issues.push('http');
  const host = hostIssue(url.hostname);
  if (host) issues.push(host);
  return issues;
};
