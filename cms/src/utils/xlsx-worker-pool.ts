/**
 * The workers that parse uploads (xlsx-worker.ts): at most POOL_SIZE, started on first use and kept
 * for the next upload (starting one and loading SheetJS costs about half a second), stopped after
 * IDLE_MS without work. A worker over its memory limit or its job's time is terminated and replaced.
 * Jobs beyond POOL_SIZE wait their turn. Workers never keep the process alive.
 */
import path from 'path';
import { Worker } from 'worker_threads';
import type { ParseOptions, ParsedSheet } from './xlsx-parse';
import { badFile as bad } from './xlsx-zip';

const POOL_SIZE = 2;
const IDLE_MS = 60_000;
/** The worker's heap: the inflated parts are at most 48 MB (xlsx-zip), SheetJS's cells a few times that. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 320, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };

type Answer = { id: number; ok: boolean; sheet?: ParsedSheet; code?: string; message?: string };
interface Job {
  id: number;
  bytes: Buffer;
  opts: ParseOptions;
  timeoutMs: number;
  resolve: (s: ParsedSheet) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  job: Job | null;
  timer?: NodeJS.Timeout;
  idle?: NodeJS.Timeout;
}

const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;

const unreadable = () => bad('无法读取文件内容：不是有效的 .xlsx 文件');

/** Ends the slot's job with `fn`, and either frees the slot for the next job or retires its worker. */
function finish(slot: Slot, fn: (job: Job) => void, retire: boolean) {
  const job = slot.job;
  clearTimeout(slot.timer);
  slot.job = null;
  if (job) fn(job);
  if (retire) {
    slots.splice(slots.indexOf(slot), 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
  }
  pump();
}

function startWorker(): Slot {
  const worker = new Worker(path.join(__dirname, 'xlsx-worker.js'), { resourceLimits: WORKER_LIMITS });
  const slot: Slot = { worker, job: null };
  worker.on('message', (m: Answer) => {
    if (slot.job?.id !== m.id) return;
    finish(slot, (job) => (m.ok && m.sheet ? job.resolve(m.sheet) : job.reject(bad(m.message ?? '无法读取文件内容', m.code))), false);
  });
  worker.on('error', (e: Error & { code?: string }) => {
    const why = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? bad('文件内容过多，解析所需内存超出限制，已拒绝处理', 'IMPORT_FILE_TOO_LARGE') : unreadable();
    finish(slot, (job) => job.reject(why), true);
  });
  worker.on('exit', () => {
    if (slots.includes(slot)) finish(slot, (job) => job.reject(unreadable()), true);
  });
  slots.push(slot);
  return slot;
}

function run(slot: Slot, job: Job) {
  clearTimeout(slot.idle);
  slot.idle = undefined;
  slot.job = job;
  slot.worker.ref();
  slot.timer = setTimeout(
    () => finish(slot, (j) => j.reject(bad('文件解析超时，已拒绝处理（请检查文件内容，或拆分后分批导入）', 'IMPORT_FILE_TOO_COMPLEX')), true),
    job.timeoutMs,
  );
  // A structured clone of a few MB blocks the event loop for tens of milliseconds (more on a busy machine);
  // a buffer that is the upload's alone is handed over instead, and is empty here afterwards.
  const b = job.bytes;
  const own = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;
  slot.worker.postMessage({ id: job.id, bytes: b, opts: job.opts }, own ? [b.buffer as ArrayBuffer] : []);
}

/** Hands waiting jobs to free workers (starting workers up to POOL_SIZE); idle workers are let go later. */
function pump() {
  for (;;) {
    const job = queue[0];
    if (!job) break;
    const slot = slots.find((s) => !s.job) ?? (slots.length < POOL_SIZE ? startWorker() : undefined);
    if (!slot) break;
    queue.shift();
    run(slot, job);
  }
  for (const slot of slots) {
    if (slot.job || slot.idle) continue;
    slot.worker.unref();
    slot.idle = setTimeout(() => !slot.job && finish(slot, () => undefined, true), IDLE_MS).unref();
  }
}

/** Parses `bytes` in a pooled worker (which its memory is handed to when it owns it); refused (DomainError) on a bad file, its memory limit or `timeoutMs`. */
export function parseInWorker(bytes: Buffer, opts: ParseOptions, timeoutMs: number): Promise<ParsedSheet> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, bytes, opts, timeoutMs, resolve, reject });
    pump();
  });
}
