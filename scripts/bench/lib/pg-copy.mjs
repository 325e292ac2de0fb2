// `COPY <table> (<columns>) FROM STDIN` through the `pg` client's own protocol support (its connection
// sends CopyData / CopyDone; a query object with `submit` receives the CopyInResponse), so loading
// millions of rows needs no extra package. Rows are written in PostgreSQL's text format.
import { once } from 'node:events';

/** A value in COPY's text format: \N for null, backslash escapes for the characters that end a field or a row. */
export function copyValue(v) {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** A submittable query (pg's `client.query(obj)` with `submit`) running one COPY … FROM STDIN. */
class CopyIn {
  constructor(text) {
    this.text = text;
    this.rows = 0;
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.done = new Promise((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    this.done.catch(() => {}); // awaited by end(); an early error surfaces through ready or write
  }
  submit(connection) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection) {
    this.connection = connection;
    this.resolveReady(connection);
  }
  handleCommandComplete(msg) {
    const m = /COPY (\d+)/.exec(msg.text ?? '');
    if (m) this.rows = Number(m[1]);
  }
  handleReadyForQuery() {
    if (this.error) this.rejectDone(this.error);
    else this.resolveDone(this.rows);
  }
  handleError(err) {
    this.error = err;
    this.rejectReady(err);
    this.rejectDone(err);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handlePortalSuspended() {}
  handleEmptyQuery() {}
  handleCopyData() {}
}

/**
 * Opens a COPY into `table` on `client` (a connected pg.Client used for nothing else meanwhile).
 * Answers { write(line), end() }: `write` takes one row's text (fields joined by \t, no newline) and
 * buffers; it answers a promise to await when the socket wants draining. `end` answers the rows copied.
 */
export async function copyInto(client, table, columns) {
  const q = new CopyIn(`COPY ${table} (${columns.join(', ')}) FROM STDIN`);
  client.query(q);
  const connection = await q.ready;
  let buf = [];
  let size = 0;
  const flush = async () => {
    if (!buf.length) return;
    const chunk = Buffer.from(buf.join(''), 'utf8');
    buf = [];
    size = 0;
    if (q.error) throw q.error;
    connection.sendCopyFromChunk(chunk);
    // Keep up to 32 MB queued in the socket: PostgreSQL reads while the caller goes on generating rows.
    while (connection.stream.writableLength > 32 << 20) await once(connection.stream, 'drain');
  };
  return {
    write(line) {
      buf.push(line, '\n');
      size += line.length + 1;
      return size >= 1 << 20 ? flush() : undefined;
    },
    async end() {
      await flush();
      connection.endCopyFrom();
      return q.done;
    },
  };
}
