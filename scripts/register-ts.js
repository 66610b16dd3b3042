/**
 * Lets plain `node` run TypeScript (benchmarks, the browser test, the Microsoft collection runner) without a build:
 *   node -r ./scripts/register-ts.js bench/scim-core.bench.ts
 * Each `.ts` file is compiled on require with @swc/core (already a devDependency, used by jest) to
 * CommonJS / ES2022, the same settings as jest.config.js. Types are stripped, not checked; type-check
 * with `npm run typecheck`.
 */
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const options = {
  jsc: { parser: { syntax: 'typescript', tsx: false }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
  swcrc: false,
  configFile: false,
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...options, filename });
  module._compile(code, filename);
};
