import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, isRelative, packageName, REPO, rel, sourceFiles } from './support/source-files';

const WORKSPACES = ['cms', 'admin', 'e2e', 'scripts'] as const;

/** Every file whose imports must be installable: sources, tests, scripts and the tools' configs. */
const SCANNED = sourceFiles('cms/src', 'cms/tests', 'cms/config', 'cms/scripts', 'admin/src', 'e2e', 'scripts').concat(
  ['cms/vitest.api.config.mts', 'cms/vitest.domain.config.mts', 'admin/vite.config.ts', 'eslint.config.mjs'].map((f) => join(REPO, f)),
);

/** Aliases resolved by the tools, not packages: the panel's `@domain` (vite and tsconfig paths). */
const ALIASES = new Set(['@domain']);

function declared(dir: string): Set<string> {
  const pkg = JSON.parse(readFileSync(join(REPO, dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  return new Set(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) => Object.keys(pkg[k] ?? {})));
}

const ROOT = declared('.');
const BY_WORKSPACE = new Map<string, Set<string>>(WORKSPACES.map((w) => [w, declared(w)]));

const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);

/** A package's types may come from DefinitelyTyped (`@types/x`, `@types/scope__x`). */
const typesPackage = (name: string) => '@types/' + (name.startsWith('@') ? name.slice(1).replace('/', '__') : name);

describe('every imported package is declared', () => {
  it('scans every workspace', () => {
    const files = SCANNED.map(rel);
    for (const w of WORKSPACES) expect(files.some((f) => f.startsWith(`${w}/`))).toBe(true);
  });

  it("finds each bare import in its workspace's package.json or the root's", () => {
    const missing: string[] = [];
    for (const abs of SCANNED) {
      const file = rel(abs);
      const own = BY_WORKSPACE.get(file.split('/')[0]!) ?? new Set<string>();
      for (const imp of importsOf(abs)) {
        if (isRelative(imp.specifier) || imp.specifier.startsWith('/')) continue;
        const name = packageName(imp.specifier);
        if (ALIASES.has(name) || isBuiltin(name)) continue;
        const ok = [name, typesPackage(name)].some((n) => own.has(n) || ROOT.has(n));
        if (!ok) missing.push(`${file}:${imp.line} imports ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
