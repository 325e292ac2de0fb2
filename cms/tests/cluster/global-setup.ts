import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const cmsDir = path.resolve(__dirname, '..', '..');
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(name: string, env: NodeJS.ProcessEnv): Promise<string> {
  const port = await freePort();
  const log = fs.createWriteStream(path.join(cmsDir, '.tmp', `cluster-${name}.log`));
  const child = spawn(process.execPath, ['scripts/serve.mjs'], { cwd: cmsDir, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + Number(process.env.API_START_TIMEOUT_MS ?? 240_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server ${name} exited with ${child.exitCode}; see cms/.tmp/cluster-${name}.log`);
    const ready = await fetch(`${url}/_ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return url;
    if (Date.now() > deadline) throw new Error(`server ${name} did not become ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('the cluster tests need TEST_DATABASE_URL (PostgreSQL)');
  const { Client } = (await import('pg')).default;
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await client.end();
  fs.mkdirSync(path.join(cmsDir, '.tmp'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    STRAPI_STARTUP_MESSAGE: 'false',
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: url,
    // The authentication caches on, at a length that would show any missed invalidation.
    AUTH_CACHE_TTL_MS: '60000',
  };
  // One set of secrets for both processes (without cms/.env each would draw its own: a session signed
  // by one would not verify on the other, and the second could not open the CA key the first stored).
  const secret = () => crypto.randomBytes(24).toString('base64');
  for (const k of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) env[k] ??= secret();
  env.APP_KEYS ??= [secret(), secret()].join(',');
  env.PKI_CA_SECRET ??= crypto.randomBytes(32).toString('hex');
  // One after the other: the first syncs the schema and seeds, the second finds them.
  const a = await startServer('a', env);
  const b = await startServer('b', env);
  project.provide('baseUrl', a);
  project.provide('baseUrlB', b);
  project.provide('database', 'postgres');
}

export async function teardown() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrlB: string;
  }
}
