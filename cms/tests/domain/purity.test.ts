import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The domain module is shared with the browser admin panel: no Strapi, node or package imports.
const dir = join(__dirname, '../../src/domain');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('src/domain is pure', () => {
  it('has an index re-exporting every file', () => {
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    for (const f of files) {
      if (f === 'index.ts') continue;
      expect(index).toContain(`export * from './${f.replace(/\.ts$/, '')}';`);
    }
  });

  it.each(files)('%s imports only sibling files', (f) => {
    const src = readFileSync(join(dir, f), 'utf8');
    const specifiers = [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    for (const s of specifiers) expect(s).toMatch(/^\.\/[a-z-]+$/);
    expect(src).not.toMatch(/\brequire\(/);
    expect(src).not.toMatch(/\bimport\(/);
    expect(src).not.toMatch(/\b(Buffer|process|__dirname|globalThis)\b/);
    expect(src).not.toMatch(/\bdefault\s+export|export\s+default\b/);
  });
});
