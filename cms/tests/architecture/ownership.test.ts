import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lineOf, parse, rel, sourceFiles, walk } from './support/source-files';

/** The refusals only `cms/src/scope/ownership.ts` builds: 404 for an unreadable row, 403 for a readable one that is not the actor's. */
const OWNERSHIP_REFUSALS = ['NOT_OWNER', '记录不存在或无权访问'];
const HOME = 'cms/src/scope/ownership.ts';

/** Who else may say it, and why. */
const ALLOWED: ReadonlyArray<{ file: string; reason: string }> = [
  { file: 'cms/src/policies/org-scope.ts', reason: "Strapi's core find/findOne routes answer Strapi's own NotFoundError with the same message" },
];

describe('one ownership check', () => {
  it(`builds the unreadable-row 404 and the NOT_OWNER 403 only in ${HOME}`, () => {
    const found: string[] = [];
    for (const abs of sourceFiles('cms/src')) {
      const file = rel(abs);
      if (file === HOME || file.startsWith('cms/src/domain/') || ALLOWED.some((a) => a.file === file)) continue;
      walk(parse(abs), (n) => {
        if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && OWNERSHIP_REFUSALS.includes(n.text))
          found.push(`${file}:${lineOf(n)} '${n.text}'`);
      });
    }
    expect(found, 'call assertReadable / assertOwner from cms/src/scope instead').toEqual([]);
  });
});
