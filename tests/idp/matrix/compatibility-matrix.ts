/**
 * Writes docs/compatibility.md from the last test results, or with --check fails when the committed document
 * differs from what the results say (CI runs it after the replay and the Microsoft collection on every database).
 *   node -r ./scripts/register-ts.js tests/idp/matrix/compatibility-matrix.ts [--check]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCompatibilityMatrix } from './build-matrix';

const DOC = path.resolve(__dirname, '..', '..', '..', 'docs', 'compatibility.md');
const generated = buildCompatibilityMatrix();

if (process.argv.includes('--check')) {
  const committed = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  if (committed !== generated) {
    console.error(
      'docs/compatibility.md does not match the last test results. Regenerate it with `npm run compat:matrix`.',
    );
    const committedLines = committed.split('\n');
    generated.split('\n').forEach((line, index) => {
      if (committedLines[index] !== line)
        console.error(
          `  line ${index + 1}: committed "${committedLines[index] ?? ''}"\n  ${' '.repeat(String(index + 1).length + 5)} results   "${line}"`,
        );
    });
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log('docs/compatibility.md matches the last test results');
  console.log('1 passed, 0 failed');
} else {
  writeFileSync(DOC, generated);
  console.log(`Wrote ${path.relative(process.cwd(), DOC)}`);
}
