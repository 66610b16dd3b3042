import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `npm pack --json` reports for one tarball. */
export interface PackResult {
  filename: string;
  files: { path: string }[];
}

/** The only paths a site owner's install needs: the build, the two Strapi entry files and the documents. */
const ALLOWED =
  /^(dist\/.+\.(js|mjs|d\.ts)|package\.json|README\.md|LICENSE|CHANGELOG\.md|strapi-server\.js|strapi-admin\.js)$/;

const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'strapi-server.js',
  'strapi-admin.js',
  'dist/server/index.js',
  'dist/server/index.mjs',
  'dist/server/src/index.d.ts',
  'dist/admin/index.js',
  'dist/admin/index.mjs',
  'dist/admin/src/index.d.ts',
];

/** Every path `exports` names, except the `source` condition (the TypeScript sources the build starts from). */
export const exportedPaths = (packageJson: { exports: Record<string, string | Record<string, string>> }): string[] =>
  Object.values(packageJson.exports).flatMap((target) =>
    typeof target === 'string'
      ? [target]
      : Object.entries(target)
          .filter(([condition]) => condition !== 'source')
          .map(([, path]) => path),
  );

/** Problems with the packed file list: anything extra, anything missing, any export that points nowhere. */
export const tarballProblems = (pack: PackResult, repoRoot: string): string[] => {
  const paths = new Set(pack.files.map((file) => file.path));
  const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return [
    ...[...paths].filter((path) => !ALLOWED.test(path)).map((path) => `not needed by an install: ${path}`),
    ...REQUIRED.filter((path) => !paths.has(path)).map((path) => `missing: ${path}`),
    ...exportedPaths(packageJson)
      .map((path) => path.replace(/^\.\//, ''))
      .filter((path) => !paths.has(path))
      .map((path) => `exports names a file the tarball lacks: ${path}`),
  ];
};
