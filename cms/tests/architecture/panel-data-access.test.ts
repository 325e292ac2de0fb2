import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lineOf, parse, rel, sourceFiles, walk } from './support/source-files';

/** Calls that reach the server around Refine's hooks and providers. */
const DIRECT_CALLS = new Set(['fetch', 'apiFetch', 'XMLHttpRequest', 'axios']);

/** Pages that may call the server directly, and why (e.g. a multipart upload the data provider cannot send). Keep it short. */
const ALLOWED: ReadonlyArray<{ file: string; reason: string }> = [];

function directCalls(sf: ts.SourceFile): Array<{ line: number; name: string }> {
  const out: Array<{ line: number; name: string }> = [];
  walk(sf, (n) => {
    const callee = ts.isCallExpression(n) || ts.isNewExpression(n) ? n.expression : null;
    if (callee && ts.isIdentifier(callee) && DIRECT_CALLS.has(callee.text)) out.push({ line: lineOf(n), name: callee.text });
  });
  return out;
}

describe('the panel has one data-access pattern', () => {
  it('pages fetch only through Refine hooks on the providers (useTable, useList, useCustom, useCustomMutation …)', () => {
    const found = sourceFiles('admin/src/pages')
      .filter((f) => !ALLOWED.some((a) => a.file === rel(f)))
      .flatMap((f) => directCalls(parse(f)).map((c) => `${rel(f)}:${c.line} ${c.name}(…)`));
    expect(found, 'use a Refine hook, or a shared helper in components/ or hooks/').toEqual([]);
  });

  it('spots fetch and apiFetch, not refetch', () => {
    const sf = ts.createSourceFile(
      'x.tsx',
      'await fetch(u);\nawait apiFetch(p);\nawait query.refetch();\nawait refetch();',
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    expect(directCalls(sf)).toEqual([
      { line: 1, name: 'fetch' },
      { line: 2, name: 'apiFetch' },
    ]);
  });
});
