// Server processes for pg-scale: cms/scripts/serve.mjs on PostgreSQL (DATABASE_CLIENT=postgres), one per
// port, started one after the other (the first compiles, the others serve its dist/ with --no-compile).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** The environment of every process on one database: the same secrets (a session signed by one is valid on the other). */
export function serverEnv(url, secret, extra = {}) {
  const derive = (k) => crypto.createHash('sha256').update(`${secret} ${k}`).digest('base64');
  const keys = ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];
  return {
    ...process.env,
    ...Object.fromEntries(keys.map((k) => [k, process.env[k] ?? derive(k)])),
    APP_KEYS: process.env.APP_KEYS ?? [1, 2].map((i) => derive(`APP_KEYS${i}`)).join(','),
    NODE_ENV: 'test',
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: url,
    STRAPI_STARTUP_MESSAGE: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    PKI_CA_SECRET: secret,
    ...extra,
  };
}

/** Runs serve.mjs with `args` to its end (e.g. --seed-only); throws when it fails. */
export function runServe(root, env, args, logFile) {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, 'a');
    const p = spawn(process.execPath, ['scripts/serve.mjs', ...args], { cwd: path.join(root, 'cms'), env, stdio: ['ignore', log, log] });
    p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`serve ${args.join(' ')} exited ${code}; log: ${logFile}`))));
  });
}

/** Starts a server on `port`; answers { baseUrl, pid, stop() } once /_health answers. */
export async function startServer(root, env, port, logFile, args = []) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['scripts/serve.mjs', ...args], {
    cwd: path.join(root, 'cms'),
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  const deadline = Date.now() + Number(process.env.BENCH_START_TIMEOUT_MS ?? 300_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}); log: ${logFile}`);
    try {
      if ((await fetch(`${baseUrl}/_health`)).status < 500) return { baseUrl, pid: child.pid, stop };
    } catch {
      /* starting */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server on ${port} did not start; log: ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export { login } from '../lib/login.mjs';
