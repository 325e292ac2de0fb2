// Compiles the TypeScript and starts Strapi without its admin build: used by tests, e2e and benchmarks.
//   --fresh      delete the SQLite file first      --seed-only  bootstrap (roles, regions, demo) and exit
// Env: PORT, DATABASE_FILENAME or DATABASE_CLIENT=postgres + DATABASE_URL, PANEL_DIR, SEED_DEMO=false.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureEnv, cmsDir } from './env.mjs';

const args = new Set(process.argv.slice(2));
ensureEnv({ persist: process.env.NODE_ENV !== 'test' });
process.chdir(cmsDir);

if (args.has('--fresh') && (process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite') {
  const file = path.resolve(cmsDir, process.env.DATABASE_FILENAME ?? '.tmp/data.db');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}
fs.mkdirSync(path.join(cmsDir, 'public', 'uploads'), { recursive: true });

// Compile in a child process: TypeScript's memory is then not part of the server's. `--no-compile`
// serves the existing dist/ (a second process started beside a first that compiled).
const compiled = args.has('--no-compile')
  ? { status: 0 }
  : spawnSync(process.execPath, [path.join(cmsDir, 'scripts', 'compile.mjs')], { stdio: 'inherit', env: process.env });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi'); // its ESM build cannot load under Node 20
const app = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist'), serveAdminPanel: args.has('--admin'), autoReload: false });

if (args.has('--seed-only')) {
  await app.load();
  await app.destroy();
  process.exit(0);
}
await app.start();
const stop = async () => {
  await app.destroy();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
