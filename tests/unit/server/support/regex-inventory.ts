/**
 * Every regular expression in a source tree, found with the TypeScript compiler (so a pattern split over
 * lines, inside a template or behind `RegExp(...)` is not missed as a grep would miss it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface FoundPattern {
  /** Path relative to the root given to findPatterns, with a line number: server/src/x.ts:12 */
  where: string;
  source: string;
  flags: string;
  /** `new RegExp(...)`/`RegExp(...)` whose pattern is not a string literal: it cannot be checked before it runs. */
  dynamic: boolean;
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });

const literalText = (node: ts.Expression | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

const isRegExpConstructor = (node: ts.Node): node is ts.NewExpression | ts.CallExpression =>
  (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
  ts.isIdentifier(node.expression) &&
  node.expression.text === 'RegExp';

export const findPatterns = (root: string, dir: string): FoundPattern[] =>
  sourceFiles(path.join(root, dir)).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: FoundPattern[] = [];
    const where = (node: ts.Node) =>
      `${path.relative(root, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const slash = node.text.lastIndexOf('/');
        found.push({
          where: where(node),
          source: node.text.slice(1, slash),
          flags: node.text.slice(slash + 1),
          dynamic: false,
        });
      } else if (isRegExpConstructor(node)) {
        const [pattern, flags] = (node.arguments ?? []) as readonly (ts.Expression | undefined)[];
        const source = literalText(pattern);
        const flagText = flags === undefined ? '' : literalText(flags);
        found.push({
          where: where(node),
          source: source ?? node.getText(),
          flags: flagText ?? '',
          dynamic: source === undefined || flagText === undefined,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return found;
  });
