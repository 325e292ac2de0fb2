import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rel, sourceFiles } from './support/source-files';

const MAX_LINES = 300;

/**
 * Source files of the server, the panel and the scripts. Tests (`cms/tests`, `e2e`) are exempt: a test
 * file reads best as one story per feature. Data (JSON schemas, generated documentation) is not source.
 */
const SCANNED = sourceFiles('cms/src', 'admin/src', 'scripts');

const linesOf = (abs: string) => readFileSync(abs, 'utf8').replace(/\n$/, '').split('\n').length;

describe(`no source file over ${MAX_LINES} lines`, () => {
  it('scans the server, the panel and the scripts', () => {
    const files = SCANNED.map(rel);
    for (const prefix of ['cms/src/', 'admin/src/', 'scripts/']) expect(files.some((f) => f.startsWith(prefix))).toBe(true);
  });

  it(`finds every file at ${MAX_LINES} lines or fewer`, () => {
    const tooLong = SCANNED.map((f) => ({ file: rel(f), lines: linesOf(f) }))
      .filter((f) => f.lines > MAX_LINES)
      .sort((a, b) => b.lines - a.lines)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(tooLong).toEqual([]);
  });
});
