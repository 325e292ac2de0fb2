import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lineOf, parse, rel, sourceFiles, walk } from './support/source-files';

const isHttpStatus = (e: ts.Expression) => ts.isNumericLiteral(e) && Number(e.text) >= 100 && Number(e.text) <= 599;
const RANGE_MATCHERS = new Set(['toBeGreaterThan', 'toBeGreaterThanOrEqual', 'toBeLessThan', 'toBeLessThanOrEqual']);

/** `expect([400, 409]).toContain(res.status)` and `expect(res.status).toBeGreaterThanOrEqual(400)`: assertions that cannot tell 400 from 409. */
function looseStatusAssertions(sf: ts.SourceFile): number[] {
  const lines: number[] = [];
  walk(sf, (n) => {
    if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression)) return;
    const matcher = n.expression.name.text;
    let subject: ts.Expression = n.expression.expression;
    if (ts.isPropertyAccessExpression(subject) && subject.name.text === 'not') subject = subject.expression;
    if (!ts.isCallExpression(subject) || !ts.isIdentifier(subject.expression) || subject.expression.text !== 'expect') return;
    const actual = subject.arguments[0];
    if (!actual) return;
    const statusList = ts.isArrayLiteralExpression(actual) && actual.elements.length > 1 && actual.elements.every(isHttpStatus);
    const statusRange = RANGE_MATCHERS.has(matcher) && /\.status$/.test(actual.getText(sf));
    if ((statusList && matcher === 'toContain') || statusRange) lines.push(lineOf(n));
  });
  return lines;
}

describe('status assertions are exact', () => {
  it('finds no list or range of HTTP statuses asserted in cms/tests or e2e', () => {
    const found = sourceFiles('cms/tests', 'e2e').flatMap((f) => looseStatusAssertions(parse(f)).map((line) => `${rel(f)}:${line}`));
    expect(found, 'assert the one status the rule answers: expect(res.status).toBe(409) or expectRefused(res, 409, CODE)').toEqual([]);
  });

  it.each([
    'expect([400, 409]).toContain(res.status);',
    'expect([401, 403], "anonymous").toContain((await get(p)).status);',
    'expect(res.status).toBeGreaterThanOrEqual(400);',
    'expect((await del(p, t)).status).toBeGreaterThan(399);',
  ])('spots %s', (code) => {
    expect(looseStatusAssertions(ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true))).toEqual([1]);
  });

  it.each(['expect(res.status).toBe(409);', "expect(['a', 'b']).toContain(x);", 'expect(rows.length).toBeGreaterThan(2);'])('leaves %s alone', (code) => {
    expect(looseStatusAssertions(ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true))).toEqual([]);
  });
});
