// `npm run bench -- <name>`: starts a real server on a throwaway SQLite database (unless the benchmark
// exports `ownServers`), runs
// scripts/bench/<name>.mjs (or <name>/index.mjs) against it, stops it. Benchmarks print each figure
// on its own line as `bench: <figure> = <value> <unit>`.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { login as loginAt } from './lib/login.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const name = process.argv[2];
if (!name) {
  const all = fs
    .readdirSync(here)
    .filter((f) => f !== 'run.mjs' && f !== 'lib')
    .map((f) => f.replace(/\.mjs$/, ''));
  console.error(`usage: npm run bench -- <name>\navailable: ${all.join(', ')}`);
  process.exit(2);
}
const file = [path.join(here, `${name}.mjs`), path.join(here, name, 'index.mjs')].find((f) => fs.existsSync(f));
if (!file) {
  console.error(`no benchmark named ${name} in scripts/bench/`);
  process.exit(2);
}

const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

// One CA secret for the whole run: in the test environment each start otherwise draws its own, and a
// restarted server could not open the CA key the first start stored (PKI: … does not open).
const caSecret = process.env.PKI_CA_SECRET ?? crypto.randomBytes(32).toString('hex');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `mcp-bench-${name}-`));
const dbFile = path.join(tmp, 'bench.db');
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
let child;

async function start(extraEnv = {}) {
  const log = fs.openSync(path.join(tmp, 'server.log'), 'a');
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") are passed to the server's node, to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  child = spawn(process.execPath, [...nodeArgs, 'scripts/serve.mjs'], {
    cwd: path.join(root, 'cms'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_FILENAME: dbFile,
      STRAPI_STARTUP_MESSAGE: 'false',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      PKI_CA_SECRET: caSecret,
      ...extraEnv,
    },
    stdio: ['ignore', log, log],
  });
  // A busy machine may need longer (BENCH_START_TIMEOUT_MS).
  const startMs = Number(process.env.BENCH_START_TIMEOUT_MS ?? 240_000);
  const deadline = Date.now() + startMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}); log: ${path.join(tmp, 'server.log')}`);
    try {
      if ((await fetch(`${baseUrl}/_health`)).status < 500) return;
    } catch {
      /* starting */
    }
    if (Date.now() > deadline) throw new Error(`server did not start in ${startMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
async function stop() {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

const login = (identifier, password) => loginAt(baseUrl, identifier, password);

const serverPid = () => child?.pid;
const report = (figure, value, unit = '') => console.log(`bench: ${figure} = ${value}${unit ? ` ${unit}` : ''}`);

try {
  const mod = await import(pathToFileURL(file).href);
  // A benchmark exporting `ownServers` (pg-scale) starts its own servers on its own database.
  if (mod.ownServers) await mod.default({ root, tmp, report, caSecret });
  else await runOnSqlite(mod);
} finally {
  await stop();
  if (!process.env.BENCH_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}

async function runOnSqlite(mod) {
  // A benchmark may name environment for its server (`export const serverEnv = { … }`).
  await start(mod.serverEnv ?? {});
  await mod.default({
    baseUrl,
    dbFile,
    tmp,
    root,
    login,
    report,
    serverPid,
    // `between` runs while the server is stopped (e.g. to copy a prepared database file in).
    restart: async (env, between) => {
      await stop();
      await between?.();
      await start(env);
    },
  });
}
