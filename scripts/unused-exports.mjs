#!/usr/bin/env node
// Candidates for dead code: exports of the given folders that no other file names.
//   node scripts/unused-exports.mjs [folder …]   (default: cms/src/domain cms/src/utils cms/src/scope cms/src/seed cms/src/db)
// An export counts as used when its name appears (as a word) in another source file of the server,
// the panel, the tests, the browser tests or the scripts; "tests only" marks names only tests use.
// A word match can keep a dead export alive (same name elsewhere): review the list, never delete blindly.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
// The compiler the server declares (cms devDependencies).
const ts = createRequire(join(REPO, 'cms/package.json'))('typescript');
const SKIP = new Set(['node_modules', 'dist', 'build', '.tmp', '.cache', '.strapi', 'test-results', 'playwright-report']);
const SEARCHED = ['cms/src', 'cms/tests', 'cms/config', 'cms/scripts', 'admin/src', 'e2e', 'scripts'];
const TEST_DIRS = ['cms/tests/', 'e2e/'];

function walk(dir, out = []) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (SKIP.has(name)) continue;
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, out);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(REPO, abs));
  }
  return out;
}

function exportedNames(file, text) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names = [];
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) names.push(d.name.getText(sf));
    else if (st.name) names.push(st.name.getText(sf));
  }
  return names;
}

const folders = process.argv.slice(2).length ? process.argv.slice(2) : ['cms/src/domain', 'cms/src/utils', 'cms/src/scope', 'cms/src/seed', 'cms/src/db'];
const all = SEARCHED.flatMap((f) => walk(join(REPO, f)));
const text = new Map(all.map((f) => [f, readFileSync(join(REPO, f), 'utf8')]));
const targets = folders.flatMap((f) => walk(join(REPO, f)));
let count = 0;
for (const file of targets) {
  for (const name of exportedNames(file, text.get(file) ?? readFileSync(join(REPO, file), 'utf8'))) {
    const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
    const users = all.filter((g) => g !== file && word.test(text.get(g)));
    const outsideTests = users.filter((g) => !TEST_DIRS.some((d) => g.startsWith(d)));
    if (outsideTests.length > 0) continue;
    count++;
    console.log(`${file}\t${name}${users.length ? '\t(tests only)' : ''}`);
  }
}
console.error(`${count} exports with no user outside their file and the tests`);
