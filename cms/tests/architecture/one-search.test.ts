import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lineOf, parse, rel, sourceFiles, walk } from './support/source-files';

const HOME = 'cms/src/utils/search.ts';
const LIKE_METHODS = new Set(['whereLike', 'whereILike', 'orWhereLike', 'orWhereILike', 'andWhereLike', 'andWhereILike']);

/** A LIKE written by hand: knex's whereLike family, or `like` in SQL text. */
function handWrittenLikes(sf: ts.SourceFile): number[] {
  const lines: number[] = [];
  walk(sf, (n) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && LIKE_METHODS.has(n.expression.name.text)) lines.push(lineOf(n));
    const texts =
      ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)
        ? [n.text]
        : ts.isTemplateExpression(n)
          ? [n.head.text, ...n.templateSpans.map((s) => s.literal.text)]
          : [];
    if (texts.some((t) => /\blike\s+\?/i.test(t) || /\blike\s+'/i.test(t))) lines.push(lineOf(n));
    // knex's operator form: .where('name', 'like', pattern)
    if (ts.isStringLiteral(n) && /^i?like$/i.test(n.text) && ts.isCallExpression(n.parent) && n.parent.arguments.includes(n)) lines.push(lineOf(n));
  });
  return lines;
}

describe('one search semantics', () => {
  it(`searches text only through ${HOME} (whereContains: case-insensitive, wildcards escaped)`, () => {
    const found = sourceFiles('cms/src')
      .filter((f) => rel(f) !== HOME)
      .flatMap((f) => handWrittenLikes(parse(f)).map((line) => `${rel(f)}:${line}`));
    expect(found).toEqual([]);
  });

  it.each([
    "qb.whereRaw(`lower(${c}) like ? escape '\\\\'`, [v]);",
    "qb.whereILike('name', v);",
    'knex.raw("name LIKE ?", [v]);',
    "qb.where('name', 'like', v);",
  ])('spots %s', (code) => {
    expect(handWrittenLikes(ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true))).toEqual([1]);
  });

  it('leaves prose alone', () => {
    expect(handWrittenLikes(ts.createSourceFile('x.ts', "const m = '看起来像 looks like a name';", ts.ScriptTarget.Latest, true))).toEqual([]);
  });
});
