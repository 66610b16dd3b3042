import { endpointIssues } from '../../../admin/src/utils/endpointReachability';

const PATH = '/api/scim/v2/0b7f3c1e-1111-4222-8333-944455556666';

describe('endpoint reachability', () => {
  it.each([
    ['https://cms.example.com', []],
    ['https://8.8.8.8', []],
    ['https://[2001:db8::1]', []],
    ['https://172.32.0.1', []],
    ['https://100.128.0.1', []],
    ['http://cms.example.com', ['http']],
    ['https://localhost:1337', ['localhost']],
    ['http://localhost:1337', ['http', 'localhost']],
    ['https://api.localhost', ['localhost']],
    ['https://strapi', ['internal-name']],
    ['https://cms.corp.internal', ['internal-name']],
    ['https://printer.local.', ['internal-name']],
    ['https://127.0.0.1', ['loopback']],
    ['https://127.12.0.1', ['loopback']],
    ['https://0.0.0.0', ['loopback']],
    // The URL parser reads these as 127.0.0.1 too.
    ['https://2130706433', ['loopback']],
    ['https://0x7f.1', ['loopback']],
    ['https://10.1.2.3', ['private']],
    ['https://172.16.0.1', ['private']],
    ['https://172.31.255.255', ['private']],
    ['https://192.168.1.10', ['private']],
    ['https://100.64.0.1', ['private']],
    ['https://169.254.169.254', ['link-local']],
    ['https://[::1]', ['loopback']],
    ['https://[::]', ['loopback']],
    ['https://[0:0:0:0:0:0:0:1]', ['loopback']],
    ['https://[fd12:3456:789a::1]', ['private']],
    ['https://[fc00::1]', ['private']],
    ['https://[fe80::1]', ['link-local']],
    ['https://[febf::1]', ['link-local']],
    ['https://[::ffff:127.0.0.1]', ['loopback']],
    ['https://[::ffff:192.168.0.1]', ['private']],
    ['https://[::ffff:8.8.8.8]', []],
    ['http://[::1]:1337', ['http', 'loopback']],
  ])('%s: %j', (origin, issues) => {
    expect(endpointIssues(`${origin}${PATH}`)).toEqual(issues);
  });

  it('says nothing of a URL it cannot read', () => {
    expect(endpointIssues('not a url')).toEqual([]);
  });

  it('reads a long host in linear time', () => {
    const host = `${'a.'.repeat(100_000)}local`;
    const started = performance.now();
    expect(endpointIssues(`https://${host}${PATH}`)).toEqual(['internal-name']);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
