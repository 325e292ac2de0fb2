// Compiles the TypeScript and starts Strapi without its admin build: used by tests, e2e and benchmarks.
//   --fresh      delete the SQLite file first      --seed-only  bootstrap (roles, regions, demo) and exit
// Env: PORT, DATABASE_FILENAME or DATABASE_CLIENT=postgres + DATABASE_URL, PANEL_DIR, SEED_DEMO=false.
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

const { compileStrapi, createStrapi } = createRequire(import.meta.url)('@strapi/strapi'); // its ESM build cannot load under Node 20
const ctx = await compileStrapi({ appDir: cmsDir, ignoreDiagnostics: false });
const app = createStrapi({ appDir: cmsDir, distDir: ctx.distDir, serveAdminPanel: args.has('--admin'), autoReload: false });

if (args.has('--seed-only')) {
  await app.load();
  await app.destroy();
  process.exit(0);
}
await app.start();
const stop = async () => { await app.destroy(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
