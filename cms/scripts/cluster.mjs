// `npm run start:cluster`: WEB_CONCURRENCY server processes (default 2) sharing PORT through Node's
// cluster module, on one PostgreSQL database (DATABASE_CLIENT=postgres, DATABASE_URL). Builds once;
// starts the first worker alone (it syncs the schema and seeds), then the others; a worker that dies
// is replaced. Caches stay true across the workers through LISTEN/NOTIFY (src/db/cluster-bus.ts).
import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import path from 'node:path';
import { ensureEnv, cmsDir } from './env.mjs';

ensureEnv();
const count = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 2) || 2);
if ((process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite' && count > 1) {
  console.error('start:cluster needs PostgreSQL (DATABASE_CLIENT=postgres, DATABASE_URL): SQLite serves one process.');
  process.exit(1);
}
const built = spawnSync(process.execPath, [path.join(cmsDir, 'scripts', 'start.mjs'), '--build-only'], { stdio: 'inherit', env: process.env });
if (built.status !== 0) process.exit(built.status ?? 1);

cluster.setupPrimary({ exec: path.join(cmsDir, 'scripts', 'start.mjs') });
let stopping = false;
const fork = () => cluster.fork();
fork().once('listening', () => {
  for (let i = 1; i < count; i++) fork();
});
cluster.on('exit', (worker, code, signal) => {
  if (stopping) return;
  console.error(`worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? code}); starting another`);
  setTimeout(fork, 1000);
});
const stop = () => {
  stopping = true;
  for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
