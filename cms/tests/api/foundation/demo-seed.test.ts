import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { deliveryMachine, invoiceMachine, orderLineMachine, relationshipMachine, returnMachine, TERMINATION_DAYS } from '../../../src/domain';

// The development start (`npm start` without NODE_ENV=production) on an empty database: a lived-in demo.
// When it runs at all (not in production, not under NODE_ENV=test, not with SEED_DEMO_ACTIVITY=false) is
// `seedsDemoActivity`, tested in tests/utils/demo-seeding.test.ts.
const cmsDir = path.resolve(__dirname, '..', '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-demo-'));
const dbFile = path.join(dir, 'demo.db');
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', DATABASE_FILENAME: dbFile, STRAPI_STARTUP_MESSAGE: 'false' };
delete env.DATABASE_CLIENT;
delete env.DATABASE_URL;
delete env.SEED_DEMO;
delete env.SEED_DEMO_ACTIVITY;

const seed = (extra: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['scripts/serve.mjs', '--seed-only'], { cwd: cmsDir, env: { ...env, ...extra }, encoding: 'utf8', timeout: 300_000 });
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
const values = (sql: string) => new Set(read<{ v: string }>(sql).map((r) => r.v));
const count = (table: string) => read<{ n: number }>(`select count(*) as n from ${table}`)[0]!.n;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the development demo', () => {
  it('is lived in: relationships, lines, deliveries of both modes, invoices and returns in every status; once, and fast', () => {
    const first = seed();
    expect(first.status, first.stderr).toBe(0);
    const took = Number(/Demo activity ready: \d+ deliveries \((\d+) ms\)/.exec(first.stdout + first.stderr)?.[1]);
    expect(took).toBeGreaterThan(0);
    expect(took).toBeLessThan(3000);

    // 医院配送关系: every stored status, and one whose 30 days of 解约中 are over (read as 已解除).
    const stored = values('select distinct status as v from hospital_relationships');
    expect([...relationshipMachine.stateNames].filter((s) => !stored.has(s))).toEqual(['terminated']);
    const cutoff = Date.now() - TERMINATION_DAYS * 24 * 3600 * 1000;
    const since = read<{ t: number | string }>('select terminating_since as t from hospital_relationships where terminating_since is not null').map((r) =>
      new Date(typeof r.t === 'number' ? r.t : String(r.t)).getTime(),
    );
    expect(since.some((t) => t <= cutoff)).toBe(true);
    expect(since.some((t) => t > cutoff)).toBe(true);

    expect(values('select distinct status as v from order_lines')).toEqual(new Set(orderLineMachine.stateNames));
    expect(values('select distinct delivery_mode as v from order_lines where delivery_mode is not null')).toEqual(new Set(['standard', 'batch']));
    expect(values('select distinct status as v from deliveries')).toEqual(new Set(deliveryMachine.stateNames));
    expect(values('select distinct invoice_status as v from deliveries')).toEqual(new Set(invoiceMachine.stateNames));
    expect(values('select distinct status as v from return_requests')).toEqual(new Set(returnMachine.stateNames));
    // Contacts and operators; the history names who acted (the operator among them).
    expect(count('contacts')).toBeGreaterThan(20);
    expect(read<{ n: number }>('select count(*) as n from up_users where is_operator = 1')[0]!.n).toBe(2);
    expect(read<{ n: number }>("select count(*) as n from state_histories where entity = 'order-line' and action = 'confirm'")[0]!.n).toBeGreaterThan(5);

    // A restart adds nothing.
    const before = ['orders', 'order_lines', 'deliveries', 'return_requests', 'hospital_relationships', 'contacts', 'up_users'].map(count);
    const second = seed();
    expect(second.status, second.stderr).toBe(0);
    expect(['orders', 'order_lines', 'deliveries', 'return_requests', 'hospital_relationships', 'contacts', 'up_users'].map(count)).toEqual(before);
  }, 900_000);
});
