/**
 * Reading the repository's source for the fitness tests: file listing, parsing with the TypeScript
 * compiler, import specifiers and their resolution. Pure file reading, no Strapi.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const REPO = resolve(__dirname, '../../../..');

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Folders never scanned: installed packages, build output, generated files. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', '.cache', '.tmp', '.strapi', 'test-results', 'playwright-report']);

/** Repository-relative path with forward slashes (stable across platforms, used in messages). */
export function rel(abs: string): string {
  return relative(REPO, abs).split(sep).join('/');
}

/** Source files under the given repository-relative folders, sorted. */
export function sourceFiles(...folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (SKIPPED_DIRS.has(name)) continue;
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (SOURCE_EXTENSIONS.includes(extname(name)) && !name.endsWith('.d.ts')) out.push(abs);
    }
  };
  for (const f of folders) {
    const abs = join(REPO, f);
    if (existsSync(abs)) walk(abs);
  }
  return out.sort();
}

const parsed = new Map<string, ts.SourceFile>();

export function parse(abs: string): ts.SourceFile {
  let sf = parsed.get(abs);
  if (!sf) {
    const ext = extname(abs);
    const kind =
      ext === '.tsx' ? ts.ScriptKind.TSX : ext === '.jsx' ? ts.ScriptKind.JSX : ['.js', '.mjs', '.cjs'].includes(ext) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    sf = ts.createSourceFile(abs, readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, true, kind);
    parsed.set(abs, sf);
  }
  return sf;
}

export function lineOf(node: ts.Node): number {
  const sf = node.getSourceFile();
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

export function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

export interface ImportRef {
  specifier: string;
  line: number;
  /** Type-only imports vanish at runtime but still couple the layers: they count. */
  typeOnly: boolean;
}

/** Every module a file refers to: import/export … from, import x = require(), require(), import(), vi.mock(). */
export function importsOf(abs: string): ImportRef[] {
  const sf = parse(abs);
  const out: ImportRef[] = [];
  walk(sf, (n) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(n) ? !!n.importClause?.isTypeOnly : n.isTypeOnly;
      out.push({ specifier: n.moduleSpecifier.text, line: lineOf(n), typeOnly });
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) {
      const e = n.moduleReference.expression;
      if (ts.isStringLiteral(e)) out.push({ specifier: e.text, line: lineOf(n), typeOnly: n.isTypeOnly });
    } else if (ts.isCallExpression(n) && n.arguments.length > 0 && ts.isStringLiteralLike(n.arguments[0]!)) {
      const callee = n.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isDynamic = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isMock =
        ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'vi' && callee.name.text === 'mock';
      if (isRequire || isDynamic || isMock) out.push({ specifier: (n.arguments[0] as ts.StringLiteralLike).text, line: lineOf(n), typeOnly: false });
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      out.push({ specifier: n.argument.literal.text, line: lineOf(n), typeOnly: true });
    }
  });
  return out;
}

export function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** The absolute file a relative specifier resolves to (as Node/TypeScript would), or null. */
export function resolveRelative(fromFile: string, specifier: string): string | null {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, ...SOURCE_EXTENSIONS.map((e) => base + e), base + '.json', ...SOURCE_EXTENSIONS.map((e) => join(base, 'index' + e))];
  // `./x.js` written for ESM output may name a `./x.ts` source.
  if (/\.(m|c)?js$/.test(base)) candidates.push(base.replace(/\.(m|c)?js$/, '.ts'), base.replace(/\.(m|c)?js$/, '.tsx'));
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`, `name/sub` → `name`). */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
