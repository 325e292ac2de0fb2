import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lineOf, parse, rel, sourceFiles, walk } from './support/source-files';

const RUNNERS = new Set(['it', 'test', 'describe', 'suite', 'bench']);

/** `it.only`, `describe.only`, `test.describe.only`, `test.describe.serial.only`, `it.each(…).only`… */
function focused(sf: ts.SourceFile): number[] {
  const lines: number[] = [];
  walk(sf, (n) => {
    if (!ts.isPropertyAccessExpression(n) || n.name.text !== 'only') return;
    let base: ts.Expression = n.expression;
    while (ts.isPropertyAccessExpression(base) || ts.isCallExpression(base)) base = base.expression;
    if (ts.isIdentifier(base) && RUNNERS.has(base.text)) lines.push(lineOf(n));
  });
  return lines;
}

describe('no focused tests are committed', () => {
  it('finds no .only in cms/tests or e2e', () => {
    const found = sourceFiles('cms/tests', 'e2e').flatMap((f) => focused(parse(f)).map((line) => `${rel(f)}:${line}`));
    expect(found).toEqual([]);
  });

  it.each([
    'it.only("x", () => {});',
    'test.describe.only("x", () => {});',
    'describe.each([1]).only("x", () => {});',
    'test.describe.serial.only("x", () => {});',
  ])('spots %s', (code) => {
    expect(focused(ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true))).toEqual([1]);
  });

  it('leaves other .only properties alone', () => {
    expect(focused(ts.createSourceFile('x.ts', 'const a = options.only; it("x", () => {});', ts.ScriptTarget.Latest, true))).toEqual([]);
  });
});
