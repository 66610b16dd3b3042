import path from 'node:path';
import { findCycles, readImportGraph, type ImportEdge } from './support/import-graph';

/** The layering of server/src that docs/architecture.md draws: each layer and the layers it may import. */
const SERVER_SRC = path.resolve(__dirname, '../../../server/src');

type Layer =
  | 'entry'
  | 'shared'
  | 'routes'
  | 'middlewares'
  | 'controllers'
  | 'http'
  | 'services'
  | 'targets'
  | 'store'
  | 'scim'
  | 'utils'
  | 'config'
  | 'content-types';

const BELOW_SERVICES: Layer[] = ['scim', 'utils', 'config', 'shared'];

const MAY_IMPORT: Record<Layer, Layer[]> = {
  entry: [
    'entry',
    'routes',
    'middlewares',
    'controllers',
    'http',
    'services',
    'targets',
    'store',
    'scim',
    'utils',
    'config',
    'content-types',
    'shared',
  ],
  routes: ['routes', 'middlewares', 'controllers', 'http', 'services', 'targets', 'store', ...BELOW_SERVICES],
  middlewares: ['middlewares', 'controllers', 'http', 'services', 'targets', 'store', ...BELOW_SERVICES],
  controllers: ['controllers', 'http', 'services', 'targets', 'store', ...BELOW_SERVICES],
  http: ['http', 'services', 'targets', 'store', ...BELOW_SERVICES],
  services: ['services', 'targets', 'store', ...BELOW_SERVICES],
  targets: ['targets', 'store', ...BELOW_SERVICES],
  store: ['store', ...BELOW_SERVICES],
  utils: ['utils', 'config', 'shared', 'scim'],
  config: ['config', 'shared'],
  'content-types': ['content-types', 'shared'],
  shared: ['shared', 'scim'],
  scim: ['scim'],
};

/** Packages the protocol core must not know: it takes and returns plain objects. */
const FRAMEWORK_PACKAGE = /^(@strapi\/|koa$|koa-|@koa\/)/;

/** The typed service locator names every service's type so that any layer can reach a service by name. */
const SERVICE_LOCATOR = 'utils/get-service.ts';

const SHARED_FILES = new Set(['constants.ts', 'contracts.ts']);

const layerOf = (file: string): Layer => {
  const [top, second] = file.split(path.sep);
  if (second === undefined) return SHARED_FILES.has(top) ? 'shared' : 'entry';
  if (top === 'services' && (second === 'targets' || second === 'store')) return second;
  const layer = Object.keys(MAY_IMPORT).find((name) => name === top);
  if (layer === undefined)
    throw new Error(`server/src/${top}/ has no layer: add it to this test and to docs/architecture.md`);
  return layer as Layer;
};

const isAllowed = (edge: ImportEdge): boolean => {
  const from = layerOf(edge.from);
  if (!edge.local) return from !== 'scim' || !FRAMEWORK_PACKAGE.test(edge.to);
  if (edge.from === SERVICE_LOCATOR && edge.typeOnly && layerOf(edge.to) === 'services') return true;
  return MAY_IMPORT[from].includes(layerOf(edge.to));
};

const describeEdge = (edge: ImportEdge): string =>
  `${edge.from} (${layerOf(edge.from)}) -> ${edge.to}${edge.local ? ` (${layerOf(edge.to)})` : ' (package)'}`;

const edges = readImportGraph(SERVER_SRC);

describe('server/src layering (docs/architecture.md)', () => {
  it('reads the import graph', () => {
    expect(edges.length).toBeGreaterThan(300);
  });

  it('has no import against the direction of the layers', () => {
    expect(edges.filter((edge) => !isAllowed(edge)).map(describeEdge)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const traced = edges.filter((edge) => !(edge.from === SERVICE_LOCATOR && edge.typeOnly));
    expect(findCycles(traced).map((cycle) => cycle.join(' <-> '))).toEqual([]);
  });
});
