// 医院配送关系 at volume: 100,000 relationships (2,000 hospitals, 50 distributors; a quarter of the
// 解约中 ones past their 30 days), then the distributor's list filtered by effective status, the
// counts, and the hospital's "may I order from X" check, under 10 connections.
import { createRequire } from 'node:module';
import path from 'node:path';
import autocannon from 'autocannon';

const DAY = 86_400_000;

export default async function ({ baseUrl, dbFile, root, login, report, restart }) {
  const dist = await login('P11PS0001');
  const me = await (await fetch(`${baseUrl}/api/me`, { headers: { Authorization: `Bearer ${dist}` } })).json();
  const distId = me.organisation.id;

  const require = createRequire(path.join(root, 'cms', 'package.json'));
  const Database = require('better-sqlite3');
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  const cols = (t) =>
    new Set(
      db
        .prepare(`pragma table_info(${t})`)
        .all()
        .map((c) => c.name),
    );
  const orgCols = cols('organisations');
  const relCols = cols('hospital_relationships');
  const rid = () => Math.random().toString(36).slice(2, 12) + Math.random().toString(36).slice(2, 14);
  const now = Date.now();

  const insertRows = (table, have, rows) => {
    const keys = Object.keys(rows[0]).filter((k) => have.has(k));
    const stmt = db.prepare(`insert into ${table} (${keys.join(',')}) values (${keys.map(() => '?').join(',')})`);
    const ids = [];
    db.transaction(() => {
      for (const r of rows) ids.push(Number(stmt.run(...keys.map((k) => r[k])).lastInsertRowid));
    })();
    return ids;
  };

  const t0 = Date.now();
  const hospitals = insertRows(
    'organisations',
    orgCols,
    Array.from({ length: 2000 }, (_, i) => ({
      document_id: rid(),
      name: `压测医院${i}`,
      type: 'hospital',
      province_code: '11',
      region_code: '110105',
      enabled: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  const distributors = [
    distId,
    ...insertRows(
      'organisations',
      orgCols,
      Array.from({ length: 49 }, (_, i) => ({
        document_id: rid(),
        name: `压测配送企业${i}`,
        type: 'distributor',
        province_code: '11',
        region_code: '110105',
        enabled: 1,
        distribution_area_codes: JSON.stringify(['110101', '110105']),
        created_at: now,
        updated_at: now,
      })),
    ),
  ];
  const statuses = ['pending', 'established', 'established', 'established', 'rejected', 'withdrawn', 'revoking', 'terminating', 'terminated'];
  const rels = [];
  for (let i = 0; i < 100_000; i++) {
    const status = statuses[i % statuses.length];
    const created = now - (i % 400) * DAY;
    rels.push({
      document_id: rid(),
      hospital_org_id: hospitals[i % hospitals.length],
      distributor_org_id: distributors[Math.floor(i / hospitals.length) % distributors.length],
      province_code: '11',
      status,
      requested_at: created,
      responded_at: status === 'pending' ? null : created + DAY,
      terminating_since: status === 'terminating' ? now - (i % 4 === 0 ? 45 : 10) * DAY : status === 'terminated' ? now - 60 * DAY : null,
      created_at: created,
      updated_at: created,
    });
  }
  insertRows('hospital_relationships', relCols, rels);
  db.close();
  report('relationships inserted', 100_000, 'rows');
  report('insert time', ((Date.now() - t0) / 1000).toFixed(1), 's');
  await restart();

  const token = await login('P11PS0001');
  const hospitalUser = await login('h_jst');
  const headers = { Authorization: `Bearer ${token}` };

  // Sanity: the effective filter agrees with the counts.
  const counts = (await (await fetch(`${baseUrl}/api/hospital-relationships/counts`, { headers })).json()).data;
  const terminated = (await (await fetch(`${baseUrl}/api/hospital-relationships/list?status=terminated&pagination[pageSize]=1`, { headers })).json()).meta
    .pagination.total;
  if (terminated !== counts.byStatus.terminated) throw new Error(`terminated: list ${terminated} ≠ counts ${counts.byStatus.terminated}`);
  report(
    'distributor rows',
    Object.values(counts.byStatus).reduce((a, b) => a + b, 0),
    'rows',
  );

  const run = async (figure, url, auth = token) => {
    const r = await autocannon({ url: `${baseUrl}${url}`, connections: 10, duration: 8, headers: { Authorization: `Bearer ${auth}` } });
    if (r.non2xx) throw new Error(`${figure}: ${r.non2xx} non-2xx answers`);
    report(`${figure} throughput`, Math.round(r.requests.average), 'req/s');
    report(`${figure} median`, r.latency.p50, 'ms');
    report(`${figure} p99`, r.latency.p99, 'ms');
  };
  await run('baseline GET /api/me (same machine load)', '/api/me');
  await run('list page 1 (newest first)', '/api/hospital-relationships/list?pagination[page]=1&pagination[pageSize]=20');
  await run('list status=terminated (effective)', '/api/hospital-relationships/list?status=terminated&pagination[pageSize]=20');
  await run('list status=terminating (effective)', '/api/hospital-relationships/list?status=terminating&pagination[pageSize]=20');
  await run('counts', '/api/hospital-relationships/counts');
  await run('may-order check (hospital)', `/api/hospital-relationships/orderable`, hospitalUser);
}
