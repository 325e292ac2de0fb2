// `npm test`: every suite in turn — lint and typecheck, domain and architecture unit tests, API tests on
// SQLite (again with the authentication cache off, proving it changes speed and never behaviour; and on
// PostgreSQL when TEST_DATABASE_URL is set), browser tests — then one line summing them: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suites = [
  { name: 'lint', cmd: ['npm', 'run', 'lint'], kind: 'command' },
  { name: 'typecheck', cmd: ['npm', 'run', 'typecheck'], kind: 'command' },
  { name: 'domain', cmd: ['npm', 'run', 'test:domain', '-w', 'cms'], report: 'cms/.tmp/results-domain.json', kind: 'vitest' },
  {
    name: 'api (sqlite)',
    cmd: ['npm', 'run', 'test:api', '-w', 'cms'],
    report: 'cms/.tmp/results-api-sqlite.json',
    kind: 'vitest',
    env: { TEST_DATABASE_URL: '' },
  },
  {
    name: 'api (sqlite, auth cache off)',
    cmd: ['npm', 'run', 'test:api', '-w', 'cms'],
    report: 'cms/.tmp/results-api-sqlite-nocache.json',
    kind: 'vitest',
    env: { TEST_DATABASE_URL: '', AUTH_CACHE_TTL_MS: '0' },
  },
];
if (process.env.TEST_DATABASE_URL) {
  suites.push({ name: 'api (postgres)', cmd: ['npm', 'run', 'test:api', '-w', 'cms'], report: 'cms/.tmp/results-api-postgres.json', kind: 'vitest' });
  suites.push({
    name: 'cluster (postgres, two processes)',
    cmd: ['npm', 'run', 'test:cluster', '-w', 'cms'],
    report: 'cms/.tmp/results-cluster.json',
    kind: 'vitest',
  });
}
suites.push({ name: 'e2e (chromium)', cmd: ['npm', 'run', 'test', '-w', 'e2e'], report: 'e2e/test-results/results.json', kind: 'playwright' });

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const lines = [];
const failures = [];
for (const s of suites) {
  if (only.length && !only.some((o) => s.name.startsWith(o))) continue;
  const report = s.report ? path.join(root, s.report) : null;
  if (report) fs.rmSync(report, { force: true });
  const started = Date.now();
  const env = { ...process.env, ...(s.env ?? {}) };
  if (env.TEST_DATABASE_URL === '') delete env.TEST_DATABASE_URL;
  const run = spawnSync(s.cmd[0], s.cmd.slice(1), { cwd: root, stdio: 'inherit', env });
  let p = 0;
  let f = 0;
  let note = '';
  if (s.kind === 'command') {
    // A check without test cases (lint, typecheck) counts as one test: passed when it exits 0.
    if (run.status === 0) p = 1;
    else f = 1;
  } else if (report && fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    if (s.kind === 'vitest') {
      p = r.numPassedTests ?? 0;
      f = (r.numFailedTests ?? 0) + (r.numTotalTests === 0 ? 1 : 0);
      for (const file of r.testResults ?? []) {
        for (const t of file.assertionResults ?? []) {
          if (t.status === 'failed')
            failures.push(
              `${s.name} ✗ ${path.relative(root, file.name)} › ${t.fullName}: ${String(t.failureMessages?.[0] ?? '')
                .split('\n')[0]
                .slice(0, 300)}`,
            );
        }
      }
    } else {
      p = (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
      f = (r.stats?.unexpected ?? 0) + (r.errors ?? []).length;
      const walk = (suite, titles) => {
        for (const spec of suite.specs ?? []) {
          for (const t of spec.tests ?? []) {
            if (t.status === 'unexpected') failures.push(`${s.name} ✗ ${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}`);
          }
        }
        for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
      };
      for (const suite of r.suites ?? []) walk(suite, []);
      if (r.stats?.flaky) note = `, ${r.stats.flaky} of them flaky (passed on the retry)`;
      if (p + f === 0) f = 1;
    }
  }
  // A suite that crashed before reporting, or exited non-zero with nothing failed, still counts as a failure.
  if (run.status !== 0 && f === 0) f = 1;
  passed += p;
  failed += f;
  lines.push(`${s.name}: ${p} passed${note}, ${f} failed (${Math.round((Date.now() - started) / 1000)} s)`);
}
if (failures.length) console.log('\nFailed:\n' + failures.slice(0, 30).join('\n'));
console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
