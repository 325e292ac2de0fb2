/**
 * A worker of read-pool.ts: its own read-only better-sqlite3 connection to the server's SQLite file
 * (WAL lets it read beside the writer, seeing every committed transaction), answering one query after
 * another with its rows, so that long reads never run on the event loop.
 */
import { parentPort, workerData } from 'worker_threads';

interface Statement {
  raw(on: boolean): Statement;
  columns(): Array<{ name: string }>;
  all(...bindings: unknown[]): unknown[][];
}
interface Connection {
  prepare(sql: string): Statement;
  pragma(p: string): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string, opts: { readonly: boolean; fileMustExist: boolean }) => Connection;

const db = new Database((workerData as { filename: string }).filename, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map<string, { st: Statement; columns: string[] }>();

parentPort?.on('message', ({ id, sql, bindings }: { id: number; sql: string; bindings: unknown[] }) => {
  try {
    let p = statements.get(sql);
    if (!p) {
      const st = db.prepare(sql).raw(true);
      p = { st, columns: st.columns().map((c) => c.name) };
      if (statements.size > 500) statements.clear();
      statements.set(sql, p);
    }
    // Rows as arrays with the column names once: cheaper to clone across threads than objects.
    parentPort?.postMessage({ id, ok: true, columns: p.columns, rows: p.st.all(...bindings) });
  } catch (e) {
    parentPort?.postMessage({ id, ok: false, message: (e as Error).message });
  }
});
