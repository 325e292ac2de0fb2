/**
 * The workers that read uploads and write their error sheets (xlsx-worker.ts): at most POOL_SIZE, started
 * on first use and kept for the next job (starting one and loading SheetJS costs about half a second),
 * stopped after IDLE_MS without work. A worker over its memory limit or its job's time is terminated and
 * replaced. Jobs beyond POOL_SIZE wait their turn. Workers never keep the process alive. The event loop
 * only posts a small request and receives the answer: the worker reads the file, inflates and parses it.
 */
import path from 'path';
import { Worker } from 'worker_threads';
import type { ErrorSheet } from './xlsx-error-sheet';
import type { ParseOptions, ParsedSheet } from './xlsx-parse';
import { badFile as bad } from './xlsx-zip';

const POOL_SIZE = 2;
const IDLE_MS = 60_000;
/** The worker's heap: the inflated parts are at most 48 MB (xlsx-zip), SheetJS's cells a few times that. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 320, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };

/** What a worker is asked: parse an upload (read from `path`, or the handed-over `bytes`), or write an error sheet. */
export type WorkerRequest =
  { kind: 'parse'; path?: string; bytes?: Uint8Array; maxBytes: number; opts: ParseOptions } | { kind: 'error-sheet'; sheet: ErrorSheet };
type Answer = { id: number; ok: boolean; value?: unknown; code?: string; message?: string };
interface Job {
  id: number;
  request: WorkerRequest;
  transfer: ArrayBuffer[];
  timeoutMs: number;
  resolve: (v: unknown) => void;
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
    finish(slot, (job) => (m.ok ? job.resolve(m.value) : job.reject(bad(m.message ?? '无法读取文件内容', m.code))), false);
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
  slot.worker.postMessage({ id: job.id, request: job.request }, job.transfer);
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

function inWorker<T>(request: WorkerRequest, transfer: ArrayBuffer[], timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ id: nextId++, request, transfer, timeoutMs, resolve: resolve as (v: unknown) => void, reject });
    pump();
  });
}

/**
 * Parses an upload in a pooled worker: the file at `source` (the worker reads it, at most `maxBytes`), or
 * the bytes given (a buffer that is theirs alone is handed over, not copied: it is empty here afterwards).
 * Refused (DomainError) on a bad file, the worker's memory limit or `timeoutMs`.
 */
export function parseInWorker(source: string | Buffer, maxBytes: number, opts: ParseOptions, timeoutMs: number): Promise<ParsedSheet> {
  if (typeof source === 'string') return inWorker({ kind: 'parse', path: source, maxBytes, opts }, [], timeoutMs);
  // A structured clone of a few MB blocks the event loop for tens of milliseconds (more on a busy machine).
  const own = source.byteOffset === 0 && source.byteLength === source.buffer.byteLength && source.buffer instanceof ArrayBuffer;
  return inWorker({ kind: 'parse', bytes: source, maxBytes, opts }, own ? [source.buffer as ArrayBuffer] : [], timeoutMs);
}

/** The .xlsx of an error sheet, written in a pooled worker, as base64 (what the refusal carries). */
export function errorSheetInWorker(sheet: ErrorSheet, timeoutMs: number): Promise<string> {
  return inWorker({ kind: 'error-sheet', sheet }, [], timeoutMs);
}
