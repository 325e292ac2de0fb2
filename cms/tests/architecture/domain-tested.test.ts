import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse, rel, sourceFiles } from './support/source-files';

/** Exported functions of a file: `export function f` and `export const f = (…) => …`. */
function exportedFunctions(sf: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const st of sf.statements) {
    if (!(ts.getModifiers(st as ts.HasModifiers) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isFunctionDeclaration(st) && st.name) names.push(st.name.text);
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) names.push(d.name.text);
  }
  return [...new Set(names)];
}

describe('every rule of the domain has a unit test', () => {
  it('names each exported domain function in a test of cms/tests/domain', () => {
    const tests = sourceFiles('cms/tests/domain')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const untested = sourceFiles('cms/src/domain').flatMap((f) =>
      exportedFunctions(parse(f))
        .filter((name) => !new RegExp(`\\b${name}\\b`).test(tests))
        .map((name) => `${rel(f)}: ${name}`),
    );
    expect(untested).toEqual([]);
  });

  it('sees function declarations and arrow functions, not constants', () => {
    const sf = ts.createSourceFile(
      'x.ts',
      'export function a() {}\nexport const b = () => 1;\nexport const C = [1];\nfunction d() {}',
      ts.ScriptTarget.Latest,
      true,
    );
    expect(exportedFunctions(sf)).toEqual(['a', 'b']);
  });
});
