// Catalogue export: 100,000 listed products inserted straight into SQLite, then GET /api/catalogue/export
// (every row, .xlsx). Figures: wall time of the download and the server process's peak RSS (VmHWM).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const N = 100_000;
const CATS = ['trauma', 'spine', 'joint', 'sports', 'neuro', 'other'];

function status(pid) {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number((s.match(new RegExp(`${k}:\\s+(\\d+) kB`)) ?? [])[1] ?? 0);
  return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
}

export default async function ({ baseUrl, dbFile, tmp, root, login, report, restart, serverPid }) {
  const require = createRequire(path.join(root, 'cms', 'package.json'));
  const Database = require('better-sqlite3');
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  const mf = db
    .prepare("select id from organisations where type = 'manufacturer' order by id")
    .all()
    .map((r) => r.id);
  const maxId = db.prepare('select coalesce(max(id), 0) as m from products').get().m;
  const ins = db.prepare(`insert into products (id, document_id, code, name, registration_no, registration_valid_to, spec, model, unit, price_fen,
    category, key_monitored, vbp, listed, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
  const lnk = db.prepare('insert into products_manufacturer_lnk (product_id, organisation_id) values (?, ?)');
  const nowMs = Date.now();
  const t0 = Date.now();
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const id = maxId + 1 + i;
      const valid = new Date(nowMs + ((i % 1000) - 200) * 86_400_000).toISOString().slice(0, 10);
      ins.run(
        id,
        randomBytes(12).toString('hex').slice(0, 24),
        `B${String(i).padStart(8, '0')}`,
        `批量测试产品${i % 97}号 锁定接骨板`,
        `国械注准2024${String(i).padStart(7, '0')}`,
        valid,
        `规格${i % 13}`,
        `型号-${i % 31}`,
        '套',
        10000 + (i % 5000) * 100,
        CATS[i % CATS.length],
        i % 5 === 0 ? 1 : 0,
        i % 3 === 0 ? 1 : 0,
        nowMs,
        nowMs,
      );
      lnk.run(id, mf[i % mf.length]);
    }
  })();
  db.close();
  console.log(`inserted ${N} products in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // The same rows through the same endpoint with each writer (XLSX_WRITER is read at start): the
  // hand-written streaming writer and ExcelJS's WorkbookWriter. The machine may be shared, so the
  // servers alternate (builtin, exceljs, builtin, exceljs), each exports twice, and the figure is the
  // best time of each writer (all samples are printed); peak RSS is the highest of its servers.
  const samples = { builtin: [], exceljs: [] };
  const peaks = { builtin: 0, exceljs: 0 };
  for (const writer of ['builtin', 'exceljs', 'builtin', 'exceljs']) {
    await restart({ XLSX_WRITER: writer });
    for (let i = 0; i < 2; i++) {
      const { secs, peakMb } = await measure(writer);
      samples[writer].push(secs);
      peaks[writer] = Math.max(peaks[writer], peakMb);
    }
  }
  for (const writer of ['builtin', 'exceljs']) {
    console.log(`export (${writer}) samples: ${samples[writer].map((s) => s.toFixed(2)).join(', ')} s`);
    report(`export_100k_s_${writer}`, Math.min(...samples[writer]).toFixed(2), 's');
    report(`export_server_peak_rss_mb_${writer}`, peaks[writer].toFixed(0), 'MB');
  }
  const ratio = Math.min(...samples.exceljs) / Math.min(...samples.builtin);
  report('export_100k_exceljs_over_builtin', ratio.toFixed(2), '×');

  async function measure(writer) {
    const jwt = await login('P11PS0001');
    const before = status(serverPid());
    let peak = before.rss;
    const timer = setInterval(() => {
      try {
        peak = Math.max(peak, status(serverPid()).rss);
      } catch {
        /* gone */
      }
    }, 20);
    const start = performance.now();
    const res = await fetch(`${baseUrl}/api/catalogue/export`, { headers: { Authorization: `Bearer ${jwt}` } });
    const buf = Buffer.from(await res.arrayBuffer());
    const secs = (performance.now() - start) / 1000;
    clearInterval(timer);
    if (res.status !== 200) throw new Error(`export (${writer}) answered ${res.status}: ${buf.toString().slice(0, 300)}`);
    const after = status(serverPid());
    fs.writeFileSync(path.join(tmp, `export-${writer}.xlsx`), buf);
    // check the file: header + at least N rows, and the first data row as the catalogue answers it
    const XLSX = require('xlsx');
    const wb = XLSX.read(buf, { type: 'buffer', dense: true });
    const ws = wb.Sheets[wb.SheetNames[0]];
    const ref = ws['!fullref'] ?? ws['!ref'];
    const rows = XLSX.utils.decode_range(ref).e.r; // data rows (row 0 is the header)
    if (rows < N) throw new Error(`export (${writer}) has ${rows} rows, expected at least ${N}`);
    const [header] = XLSX.utils.sheet_to_json(ws, { header: 1, range: 0 });
    if (header[0] !== '产品编码') throw new Error(`export (${writer}): unexpected header ${JSON.stringify(header)}`);
    console.log(
      `export (${writer}): ${rows} rows, ${(buf.length / 1e6).toFixed(1)} MB; server RSS before ${(before.rss / 1024).toFixed(0)} MB, after ${(after.rss / 1024).toFixed(0)} MB, ` +
        `VmHWM ${(after.hwm / 1024).toFixed(0)} MB (idle server before the export: ${(before.hwm / 1024).toFixed(0)} MB, mostly the in-process TypeScript compile of scripts/serve.mjs)`,
    );
    // Peak RSS of the whole server process: VmRSS sampled every 20 ms during the export, and VmHWM.
    return { secs, peakMb: Math.max(peak, after.hwm) / 1024 };
  }
}
