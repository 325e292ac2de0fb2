import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const cmsDir = path.resolve(__dirname, '..', '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function resetPostgres(url: string) {
  const { Client } = (await import('pg')).default;
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await client.end();
}

let child: ChildProcess | undefined;
let tmpDir: string | undefined;

export async function setup(project: TestProject) {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    STRAPI_STARTUP_MESSAGE: 'false',
    CORS_ORIGINS: 'http://allowed.example:8080',
  };
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    await resetPostgres(pgUrl);
    Object.assign(env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: pgUrl });
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-api-'));
    env.DATABASE_FILENAME = path.join(tmpDir, 'test.db');
  }
  fs.mkdirSync(path.join(cmsDir, '.tmp'), { recursive: true });
  // The security log as a file the tests read (utils/security-log.ts), fresh for each run.
  const securityLog = path.join(cmsDir, '.tmp', `security-${pgUrl ? 'postgres' : 'sqlite'}-${process.pid}.log`); // one per run: runs may overlap
  fs.rmSync(securityLog, { force: true });
  env.SECURITY_LOG_FILE = securityLog;
  // Operations as README's production section configures them: JSON log lines, metrics behind a token and on a port.
  const metricsToken = randomBytes(24).toString('hex');
  const metricsPort = await freePort();
  Object.assign(env, { LOG_FORMAT: 'json', METRICS_TOKEN: metricsToken, METRICS_PORT: String(metricsPort) });
  const serverLog = path.join(cmsDir, '.tmp', `api-server-${pgUrl ? 'postgres' : 'sqlite'}-${process.pid}.log`);
  const log = fs.createWriteStream(serverLog);
  child = spawn(process.execPath, ['scripts/serve.mjs'], { cwd: cmsDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  // A busy machine may need longer (API_START_TIMEOUT_MS).
  const startMs = Number(process.env.API_START_TIMEOUT_MS ?? 180_000);
  const deadline = Date.now() + startMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Strapi exited with ${child.exitCode}; see cms/.tmp/api-server-*.log`);
    try {
      const res = await fetch(`${baseUrl}/_health`);
      if (res.status === 204 || res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`Strapi did not become healthy within ${startMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('database', pgUrl ? 'postgres' : 'sqlite');
  project.provide('securityLog', securityLog);
  project.provide('serverLog', serverLog);
  project.provide('metrics', { token: metricsToken, port: metricsPort });
}

export async function teardown() {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  }
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    database: 'sqlite' | 'postgres';
    securityLog: string;
    serverLog: string;
    metrics: { token: string; port: number };
  }
}
