import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import of a server file: `to` is a path relative to server/src for a local file, else the package name. */
export interface ImportEdge {
  from: string;
  to: string;
  local: boolean;
  /** `import type` / `export type`: erased at runtime, so it cannot form a load-order cycle. */
  typeOnly: boolean;
}

const listSourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listSourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });

const resolveLocal = (fromFile: string, specifier: string): string => {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (!found) throw new Error(`${fromFile}: cannot resolve import '${specifier}'`);
  return found;
};

const isTypeOnly = (node: ts.Node): boolean => {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    const bindings = clause.namedBindings;
    return !clause.name && bindings !== undefined && ts.isNamedImports(bindings)
      ? bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly)
      : false;
  }
  return ts.isExportDeclaration(node) && node.isTypeOnly;
};

/** The module specifiers of one file: static imports and re-exports, `require('…')` and `import('…')`. */
const specifiersOf = (file: string): { specifier: string; typeOnly: boolean }[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnly(node) });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

/** Every import of every TypeScript file under `root`, with local paths relative to `root`. */
export const readImportGraph = (root: string): ImportEdge[] =>
  listSourceFiles(root).flatMap((file) =>
    specifiersOf(file).map(({ specifier, typeOnly }) => {
      const from = path.relative(root, file);
      if (!specifier.startsWith('.')) return { from, to: packageName(specifier), local: false, typeOnly };
      return { from, to: path.relative(root, resolveLocal(file, specifier)), local: true, typeOnly };
    }),
  );

/** The import cycles between files (strongly connected components of more than one file, or a self-import). */
export const findCycles = (edges: ImportEdge[]): string[][] => {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (!edge.local) continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;

  const connect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (next.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };

  for (const file of next.keys()) if (!index.has(file)) connect(file);
  return cycles;
};
