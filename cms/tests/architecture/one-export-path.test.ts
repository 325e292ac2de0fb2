import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lineOf, parse, rel, sourceFiles, walk } from './support/source-files';

const HOME = 'cms/src/utils/xlsx-export.ts';

/**
 * Workbooks that are not exports of listed rows, by the function that writes them: small, built in
 * memory on purpose (SheetJS keeps their formats and comments).
 */
const NOT_EXPORTS: Record<string, string> = {
  templateWorkbook: 'the import template (模板下载): a header and a format row',
  errorWorkbook: 'the uploaded rows handed back with their error column',
};

function enclosingFunction(node: ts.Node): string | null {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText();
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent)) return n.parent.name.getText();
  }
  return null;
}

/** `XLSX.write(…)`, `XLSX.writeFile(…)`, `XLSX.writeXLSX(…)`, or those functions imported by name. */
function sheetWrites(sf: ts.SourceFile): Array<{ line: number; fn: string | null }> {
  const out: Array<{ line: number; fn: string | null }> = [];
  walk(sf, (n) => {
    if (!ts.isCallExpression(n)) return;
    const callee = n.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    const onXlsx = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'XLSX';
    if ((onXlsx && /^write/.test(name)) || (ts.isIdentifier(callee) && /^write(File|XLSX)?$/.test(name) && importsFromXlsx(sf, name)))
      out.push({ line: lineOf(n), fn: enclosingFunction(n) });
  });
  return out;
}

function importsFromXlsx(sf: ts.SourceFile, name: string): boolean {
  return sf.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text === 'xlsx' &&
      !!s.importClause?.namedBindings &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some((e) => e.name.text === name),
  );
}

describe('one streaming export path', () => {
  it(`writes every exported sheet through ${HOME} (exportSheet), never with XLSX.write`, () => {
    const found = sourceFiles('cms/src')
      .filter((f) => rel(f) !== HOME)
      .flatMap((f) => sheetWrites(parse(f)).map((w) => ({ ...w, file: rel(f) })))
      .filter((w) => !(w.fn && w.fn in NOT_EXPORTS))
      .map((w) => `${w.file}:${w.line} (${w.fn ?? 'top level'})`);
    expect(found).toEqual([]);
  });

  it('spots XLSX.write and a named write import', () => {
    const src = (code: string) => ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
    expect(sheetWrites(src("function exportAll() { return XLSX.write(wb, { type: 'buffer' }); }"))).toEqual([{ line: 1, fn: 'exportAll' }]);
    expect(sheetWrites(src("import { write } from 'xlsx';\nconst f = () => write(wb, {});"))).toEqual([{ line: 2, fn: 'f' }]);
    expect(sheetWrites(src('stream.write(chunk);'))).toEqual([]);
  });
});
