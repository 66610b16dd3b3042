import { proxyConfigWarning } from '../../../server/src/http/proxy-config-check';

describe('server.proxy check at start-up', () => {
  it.each([
    ['no proxy config', undefined],
    ['koa off', { koa: false }],
    ['koa off without maxIpsCount', { koa: false, maxIpsCount: undefined }],
    ['koa on with maxIpsCount 1', { koa: true, maxIpsCount: 1 }],
    ['koa on with maxIpsCount 2 and an ipHeader', { koa: true, maxIpsCount: 2, ipHeader: 'X-Real-IP' }],
  ])('stays silent with %s', (_name, proxy) => {
    expect(proxyConfigWarning(proxy)).toBeNull();
  });

  it.each([
    ['koa on, no maxIpsCount', { koa: true }],
    ['koa on, maxIpsCount 0 (Koa\'s "all of them")', { koa: true, maxIpsCount: 0 }],
    ['koa on, maxIpsCount not a number', { koa: true, maxIpsCount: '1' }],
  ])('warns when the proxy is trusted without maxIpsCount: %s', (_name, proxy) => {
    expect(proxyConfigWarning(proxy)).toMatch(/server\.proxy\.maxIpsCount/);
  });
});
