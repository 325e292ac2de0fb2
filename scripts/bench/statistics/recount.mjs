// Fills line_stats from the order lines of a benchmark's SQLite file, as the server keeps it
// (cms/src/domain/statistics.ts): per China-time order day, product, distributor, hospital,
// manufacturer (0 for none) and province, and per month; rejected lines count nothing.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const Database = createRequire(path.join(root, 'cms', 'package.json'))('better-sqlite3');

const ORDERED = ['pending', 'confirmed', 'delivering', 'delivered', 'terminated'];

export function recountLineStats(dbFile) {
  const started = Date.now();
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const sample = db.prepare('SELECT ordered_at AS t FROM order_lines LIMIT 1').get();
  const day = typeof sample?.t === 'number' ? "strftime('%Y-%m-%d', ordered_at / 1000 + 28800, 'unixepoch')" : "strftime('%Y-%m-%d', ordered_at, '+8 hours')";
  db.exec('DELETE FROM line_stats');
  db.prepare(
    `INSERT INTO line_stats (day, product_id, distributor_org_id, hospital_org_id, manufacturer_org_id, province_code,
       lines, ordered_qty, ordered_fen, delivered_qty, delivered_fen, received_qty, returned_qty, returned_fen, terminated_lines)
     SELECT ${day}, product_id, distributor_org_id, hospital_org_id, COALESCE(manufacturer_org_id, 0), province_code,
       COUNT(*), SUM(quantity), SUM(quantity * unit_price_fen), SUM(delivered_qty), SUM(delivered_qty * unit_price_fen), SUM(received_qty),
       SUM(returned_qty), SUM(returned_qty * unit_price_fen), SUM(CASE WHEN status = 'terminated' THEN 1 ELSE 0 END)
     FROM order_lines WHERE status IN (${ORDERED.map(() => '?').join(',')})
     GROUP BY 1, 2, 3, 4, 5, 6`,
  ).run(...ORDERED);
  db.exec('DELETE FROM line_stats_monthly');
  db.exec(`INSERT INTO line_stats_monthly (month, product_id, distributor_org_id, hospital_org_id, manufacturer_org_id, province_code,
       lines, ordered_qty, ordered_fen, delivered_qty, delivered_fen, received_qty, returned_qty, returned_fen, terminated_lines)
     SELECT substr(day, 1, 7), product_id, distributor_org_id, hospital_org_id, manufacturer_org_id, province_code,
       SUM(lines), SUM(ordered_qty), SUM(ordered_fen), SUM(delivered_qty), SUM(delivered_fen), SUM(received_qty),
       SUM(returned_qty), SUM(returned_fen), SUM(terminated_lines)
     FROM line_stats GROUP BY 1, 2, 3, 4, 5, 6`);
  const rows = db.prepare('SELECT COUNT(*) AS n FROM line_stats').get().n;
  const months = db.prepare('SELECT COUNT(*) AS n FROM line_stats_monthly').get().n;
  db.exec('ANALYZE');
  db.close();
  return { rows, months, seconds: (Date.now() - started) / 1000 };
}
