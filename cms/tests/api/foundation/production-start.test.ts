import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';

// A production install: `npm start` on an empty database, then `npm run create-admin`, as README says.
const cmsDir = path.resolve(__dirname, '..', '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-prod-'));
const dbFile = path.join(dir, 'prod.db');
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATABASE_FILENAME: dbFile, SEED_DEMO: 'true', STRAPI_STARTUP_MESSAGE: 'false' };
delete env.DATABASE_CLIENT;
delete env.DATABASE_URL;

const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: cmsDir, env, encoding: 'utf8', timeout: 300_000 });
interface SqliteDb {
  prepare(sql: string): { all(): unknown[] };
  close(): void;
}
const Database = createRequire(__filename)('better-sqlite3') as new (file: string, opts: { readonly: boolean }) => SqliteDb;
const read = <T>(sql: string): T[] => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts `npm start`'s server in production on the test's database, runs `use` against it, stops it. */
async function withServer(use: (base: string) => Promise<void>): Promise<void> {
  const port = await freePort();
  const server = spawn(process.execPath, ['scripts/serve.mjs'], { cwd: cmsDir, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
      if (
        await fetch(`${base}/_health`).then(
          (r) => r.ok || r.status === 204,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await use(base);
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

const registerAdmin = (base: string, email: string) =>
  fetch(`${base}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'Intruder2026A', firstname: 'x', lastname: 'y' }),
  });

describe('a first run in production', () => {
  it('seeds regions but no demo logins; create-admin makes the 联采办 login and a Strapi admin invitation, each secret shown once', async () => {
    const seeded = run(['scripts/serve.mjs', '--seed-only']);
    expect(seeded.status).toBe(0);
    expect(read<{ n: number }>('select count(*) as n from up_users')[0]!.n).toBe(0);
    expect(read<{ n: number }>('select count(*) as n from organisations')[0]!.n).toBe(0);
    expect(read<{ n: number }>('select count(*) as n from regions')[0]!.n).toBeGreaterThan(3000);
    expect(read<{ n: number }>('select count(*) as n from admin_users')[0]!.n).toBe(0);

    // Before create-admin: Strapi would make the first visitor of /admin its super admin; production refuses.
    await withServer(async (base) => {
      const init = (await (await fetch(`${base}/admin/init`)).json()) as { data: { hasAdmin: boolean } };
      expect(init.data.hasAdmin).toBe(false);
      const first = await registerAdmin(base, 'first-visitor@example.org');
      expect(first.status).toBe(403);
      const body = (await first.json()) as { error: { message: string; details: { code: string } } };
      expect(body.error.details.code).toBe('ADMIN_REGISTRATION_CLOSED');
      expect(body.error.message).toContain('npm run create-admin');
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(read<{ n: number }>('select count(*) as n from admin_users')[0]!.n).toBe(0);
    });

    const created = run(['scripts/create-admin.mjs', '--email', 'ops@example.org']);
    expect(created.status).toBe(0);
    const password = /one-time password: (\S+)/.exec(created.stdout)?.[1];
    const link = /registrationToken=([0-9a-f]+)/.exec(created.stdout)?.[1];
    expect(password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{12}$/);
    expect(link).toBeTruthy();
    expect(read('select username, must_change_password as m from up_users')).toEqual([{ username: 'lcb_admin', m: 1 }]);
    expect(read('select email, is_active as a from admin_users')).toEqual([{ email: 'ops@example.org', a: 0 }]);
    const again = run(['scripts/create-admin.mjs', '--email', 'ops@example.org']);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toMatch(/one-time password:/);
    expect(again.stdout).toContain('exists already');

    await withServer(async (base) => {
      const demo = await fetch(`${base}/api/auth/local`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ identifier: 'bj_ybj', password: 'Demo@123456' }),
      });
      expect(demo.status).toBe(400);
      const login = await fetch(`${base}/api/auth/local`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ identifier: 'lcb_admin', password }),
      });
      expect(login.status).toBe(200);
      const jwt = ((await login.json()) as { jwt: string }).jwt;
      const me = (await (await fetch(`${base}/api/me`, { headers: { Authorization: `Bearer ${jwt}` } })).json()) as {
        role: string;
        mustChangePassword: boolean;
      };
      expect(me).toMatchObject({ role: 'platform_admin', mustChangePassword: true });
      const init = (await (await fetch(`${base}/admin/init`)).json()) as { data: { hasAdmin: boolean } };
      expect(init.data.hasAdmin).toBe(true);
      expect((await registerAdmin(base, 'intruder@example.org')).status).toBe(403);
      expect(read<{ n: number }>('select count(*) as n from admin_users')[0]!.n).toBe(1);
    });
  }, 900_000);
});
