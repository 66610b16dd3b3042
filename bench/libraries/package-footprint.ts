/**
 * Run: node -r ./scripts/register-ts.js bench/libraries/package-footprint.ts   (instant, offline)
 *
 * Install footprint of the candidate libraries as installed in node_modules: bytes on disk of the
 * package folder (what `du -sk node_modules/<pkg>` counts, nested node_modules included) and of its
 * production dependency closure, and the number of packages that closure holds. Upkeep (publish dates,
 * open issues) needs the network and is recorded in docs/decisions/scim-libraries.md instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { today } from '../support/measure';

const ROOT = path.join(__dirname, '..', '..');
const CANDIDATES = ['scim2-parse-filter', 'scim-patch', 'scimmy', 'zod'];

const diskBytes = (target: string): number => {
  const stat = fs.lstatSync(target);
  if (!stat.isDirectory()) return stat.blocks * 512;
  return fs.readdirSync(target).reduce((sum, entry) => sum + diskBytes(path.join(target, entry)), stat.blocks * 512);
};

/** Node's lookup: `<dir>/node_modules/<name>` from the requiring package's folder upwards. */
const locate = (name: string, fromDir: string): string | undefined => {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === path.dirname(dir)) return undefined;
  }
};

interface Footprint {
  name: string;
  version: string;
  ownBytes: number;
  closure: string[];
  closureBytes: number;
}

function footprint(name: string): Footprint {
  const dir = locate(name, ROOT);
  if (dir === undefined) throw new Error(`${name} is not installed`);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const seen = new Map<string, string>();
  const visit = (packageDir: string) => {
    const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(dependencies)) {
      const found = locate(dependency, packageDir);
      if (!found || seen.has(found)) continue;
      seen.set(found, dependency);
      visit(found);
    }
  };
  visit(dir);
  // Nested copies already count in the package's own folder size; hoisted ones are added.
  const hoisted = [...seen.keys()].filter((found) => !found.startsWith(`${dir}${path.sep}`));
  const closureBytes = diskBytes(dir) + hoisted.reduce((sum, found) => sum + diskBytes(found), 0);
  const closure = [...seen.entries()].map(([found, dependency]) => {
    const { version } = JSON.parse(fs.readFileSync(path.join(found, 'package.json'), 'utf8')) as { version: string };
    return `${dependency}@${version}${found.startsWith(`${dir}${path.sep}`) ? ' (nested)' : ''}`;
  });
  return { name, version: manifest.version, ownBytes: diskBytes(dir), closure, closureBytes };
}

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;
const lines = [
  `# Install footprint, ${today()} (zod, which we already ship, for scale)`,
  '',
  '| package | version | folder on disk | with production dependencies | dependencies (transitive) |',
  '|---|---|---:|---:|---|',
];
const footprints = CANDIDATES.map(footprint);
for (const f of footprints) {
  lines.push(
    `| ${f.name} | ${f.version} | ${kib(f.ownBytes)} | ${kib(f.closureBytes)} | ${f.closure.length}${f.closure.length ? `: ${f.closure.join(', ')}` : ''} |`,
  );
}
const markdown = `${lines.join('\n')}\n`;
console.log(markdown);
const base = path.join(__dirname, '..', 'results', `${today()}-package-footprint`);
fs.writeFileSync(`${base}.md`, markdown);
fs.writeFileSync(`${base}.json`, `${JSON.stringify(footprints, null, 2)}\n`);
console.log(`written ${path.relative(process.cwd(), base)}.md and .json`);
