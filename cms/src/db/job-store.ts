/**
 * The jobs table (`mcp_jobs`) and the jobs' files (`mcp_job_files`): the one record of every job on
 * both databases — owner, state, progress, result, error, lease. Whoever runs a job (the in-process
 * runner on SQLite, a pg-boss worker on PostgreSQL) first claims it here with one conditional UPDATE,
 * so a job runs in one place at a time; the claim is a lease that the runner renews while it works,
 * and a job whose lease ran out (its process died) is claimed again. A job's end is written with the
 * same lease check — inside the work's own transaction where the work is one (import, issue, rebuild),
 * so the work and "done" commit together and a retry never does it twice.
 */
import { randomUUID } from 'node:crypto';
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import { JOB_MAX_ATTEMPTS, JOB_STATE, type JobKind, type JobState } from '../domain/jobs';
import { dbBool } from './values';

export const JOBS = 'mcp_jobs';
export const JOB_FILES = 'mcp_job_files';
export type FileRole = 'input' | 'result';

const k = () => strapi.db.connection as Knex;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Creates the two tables when missing (they are not Strapi content types: files are binary). */
export async function ensureJobTables(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable(JOBS))) {
    await knex.schema.createTable(JOBS, (t) => {
      t.increments('id');
      t.string('document_id', 32).notNullable().unique();
      t.string('kind', 40).notNullable();
      t.string('state', 16).notNullable();
      t.integer('owner_user_id').notNullable();
      t.integer('owner_org_id').notNullable();
      t.text('params');
      t.integer('rows_done').notNullable().defaultTo(0);
      t.integer('rows_total');
      t.integer('attempts').notNullable().defaultTo(0);
      t.string('lease_owner', 64);
      t.bigInteger('lease_until');
      t.boolean('cancel_requested').notNullable().defaultTo(false);
      t.text('result');
      t.string('error_code', 64);
      t.text('error_message');
      t.string('file_name', 200);
      t.bigInteger('created_at').notNullable();
      t.bigInteger('updated_at').notNullable();
      t.bigInteger('finished_at');
      t.index(['state', 'lease_until'], 'mcp_jobs_state_idx');
      t.index(['owner_user_id'], 'mcp_jobs_owner_idx');
    });
  }
  if (!(await knex.schema.hasTable(JOB_FILES))) {
    await knex.schema.createTable(JOB_FILES, (t) => {
      t.integer('job_id').notNullable();
      t.string('role', 8).notNullable();
      t.string('name', 200).notNullable();
      t.binary('content').notNullable();
      t.primary(['job_id', 'role']);
    });
  }
}

export interface JobRecord {
  id: number;
  documentId: string;
  kind: JobKind;
  state: JobState;
  ownerUserId: number;
  ownerOrgId: number;
  params: Record<string, unknown>;
  rowsDone: number;
  rowsTotal: number | null;
  attempts: number;
  leaseOwner: string | null;
  leaseUntil: number | null;
  cancelRequested: boolean;
  result: Record<string, unknown> | null;
  errorCode: string | null;
  errorMessage: string | null;
  fileName: string | null;
  createdAt: number;
  finishedAt: number | null;
}

const json = (v: unknown) => (typeof v === 'string' && v ? (JSON.parse(v) as Record<string, unknown>) : null);
function record(r: Record<string, unknown>): JobRecord {
  return {
    id: num(r.id),
    documentId: String(r.document_id),
    kind: String(r.kind) as JobKind,
    state: String(r.state) as JobState,
    ownerUserId: num(r.owner_user_id),
    ownerOrgId: num(r.owner_org_id),
    params: json(r.params) ?? {},
    rowsDone: num(r.rows_done),
    rowsTotal: r.rows_total === null || r.rows_total === undefined ? null : num(r.rows_total),
    attempts: num(r.attempts),
    leaseOwner: (r.lease_owner as string | null) ?? null,
    leaseUntil: r.lease_until === null || r.lease_until === undefined ? null : num(r.lease_until),
    cancelRequested: dbBool(r.cancel_requested),
    result: json(r.result),
    errorCode: (r.error_code as string | null) ?? null,
    errorMessage: (r.error_message as string | null) ?? null,
    fileName: (r.file_name as string | null) ?? null,
    createdAt: num(r.created_at),
    finishedAt: r.finished_at === null || r.finished_at === undefined ? null : num(r.finished_at),
  };
}

type QueuedListener = (documentId: string) => void;
let onQueued: QueuedListener = () => undefined;
/** The runner (jobs/runner.ts) hears of every job queued in this process. */
export const onJobQueued = (fn: QueuedListener) => {
  onQueued = fn;
};

/** Queues a job of `kind` for its owner; `input` is an uploaded file the job reads. Answers the job's id. */
export async function createJob(opts: {
  kind: JobKind;
  ownerUserId: number;
  ownerOrgId: number;
  params?: Record<string, unknown>;
  rowsTotal?: number | null;
  input?: { name: string; content: Buffer };
}): Promise<string> {
  const documentId = createId();
  const at = Date.now();
  await k().transaction(async (trx) => {
    await trx(JOBS).insert({
      document_id: documentId,
      kind: opts.kind,
      state: JOB_STATE.queued,
      owner_user_id: opts.ownerUserId,
      owner_org_id: opts.ownerOrgId,
      params: JSON.stringify(opts.params ?? {}),
      rows_total: opts.rowsTotal ?? null,
      created_at: at,
      updated_at: at,
    });
    if (opts.input) {
      const { id } = await trx(JOBS).where({ document_id: documentId }).first('id');
      await trx(JOB_FILES).insert({ job_id: id, role: 'input', name: opts.input.name, content: opts.input.content });
    }
  });
  onQueued(documentId);
  return documentId;
}

export async function readJob(documentId: string): Promise<JobRecord | null> {
  const r = await k()(JOBS).where({ document_id: documentId }).first();
  return r ? record(r) : null;
}

/**
 * Claims a queued job, or an active one whose lease ran out, for `leaseMs`: answers it with a fresh
 * lease owner, or null when it is someone else's, over, or has used up its attempts.
 */
export async function claimJob(documentId: string, leaseMs: number): Promise<JobRecord | null> {
  const at = Date.now();
  const owner = randomUUID();
  const n = await k()(JOBS)
    .where({ document_id: documentId })
    .andWhere((q) => q.where('state', JOB_STATE.queued).orWhere((a) => a.where('state', JOB_STATE.active).andWhere('lease_until', '<', at)))
    .andWhere('attempts', '<', JOB_MAX_ATTEMPTS)
    .update({ state: JOB_STATE.active, lease_owner: owner, lease_until: at + leaseMs, attempts: k().raw('attempts + 1'), updated_at: at });
  if (n !== 1) return null;
  return readJob(documentId);
}

/** Jobs to start: queued ones last touched before `queuedBefore`, and active ones whose lease ran out. */
export async function dueJobs(queuedBefore: number, limit = 20): Promise<string[]> {
  const at = Date.now();
  const rows = await k()(JOBS)
    .where((q) => q.where('state', JOB_STATE.queued).andWhere('updated_at', '<=', queuedBefore))
    .orWhere((q) => q.where('state', JOB_STATE.active).andWhere('lease_until', '<', at).andWhere('attempts', '<', JOB_MAX_ATTEMPTS))
    .orderBy('id')
    .limit(limit)
    .select('document_id');
  return rows.map((r) => String(r.document_id));
}

/** Active jobs whose lease ran out on their last attempt: failed, so nobody waits for them forever. */
export async function failExhaustedJobs(): Promise<number> {
  const at = Date.now();
  return k()(JOBS)
    .where('state', JOB_STATE.active)
    .andWhere('lease_until', '<', at)
    .andWhere('attempts', '>=', JOB_MAX_ATTEMPTS)
    .update({ state: JOB_STATE.failed, error_code: 'JOB_ABANDONED', error_message: '任务多次中断，已停止重试', finished_at: at, updated_at: at });
}

/**
 * Renews the lease and records progress; answers whether the job is still this runner's and whether
 * its owner asked to cancel it. `trx` when called inside the work's transaction (SQLite has one connection).
 */
export async function touchJob(
  id: number,
  leaseOwner: string,
  leaseMs: number,
  progress: { done?: number; total?: number | null },
  trx?: Knex,
): Promise<{ ours: boolean; cancelRequested: boolean }> {
  const q = trx ?? k();
  const at = Date.now();
  const patch: Record<string, unknown> = { lease_until: at + leaseMs, updated_at: at };
  if (progress.done !== undefined) patch.rows_done = progress.done;
  if (progress.total !== undefined) patch.rows_total = progress.total;
  const n = await q(JOBS).where({ id, lease_owner: leaseOwner, state: JOB_STATE.active }).update(patch);
  if (n !== 1) return { ours: false, cancelRequested: false };
  const r = await q(JOBS).where({ id }).first('cancel_requested');
  return { ours: true, cancelRequested: dbBool(r?.cancel_requested) };
}

/** What a feature's service sees of the job it runs in: progress (throws to stop) and its end written inside its transaction. */
export interface JobWork {
  progress(done: number, total?: number | null, trx?: Knex): Promise<void>;
  endIn(trx: Knex, end: JobEnd): Promise<void>;
}

export interface JobEnd {
  state: JobState;
  result?: Record<string, unknown> | null;
  error?: { code: string; message: string } | null;
  file?: { name: string; content: Buffer } | null;
  rowsDone?: number;
}

/** Writes the job's end (and its result file) if the lease is still `leaseOwner`'s; answers whether it did. */
export async function endJob(id: number, leaseOwner: string, end: JobEnd, trx?: Knex): Promise<boolean> {
  const write = async (q: Knex) => {
    const at = Date.now();
    const patch: Record<string, unknown> = {
      state: end.state,
      result: end.result ? JSON.stringify(end.result) : null,
      error_code: end.error?.code ?? null,
      error_message: end.error?.message ?? null,
      file_name: end.file?.name ?? null,
      lease_until: null,
      finished_at: at,
      updated_at: at,
    };
    if (end.rowsDone !== undefined) patch.rows_done = end.rowsDone;
    const n = await q(JOBS).where({ id, lease_owner: leaseOwner, state: JOB_STATE.active }).update(patch);
    if (n !== 1) return false;
    if (end.file) {
      await q(JOB_FILES).where({ job_id: id, role: 'result' }).delete();
      await q(JOB_FILES).insert({ job_id: id, role: 'result', name: end.file.name, content: end.file.content });
    }
    return true;
  };
  return trx ? write(trx) : k().transaction((t) => write(t));
}

/** Gives a job back to the queue after an unexpected error (the next attempt starts clean). */
export async function requeueJob(id: number, leaseOwner: string, error: string): Promise<boolean> {
  const at = Date.now();
  const n = await k()(JOBS)
    .where({ id, lease_owner: leaseOwner, state: JOB_STATE.active })
    .update({ state: JOB_STATE.queued, lease_owner: null, lease_until: null, error_message: error.slice(0, 500), updated_at: at });
  return n === 1;
}

/** 取消: a queued job ends at once; a running one is asked to stop (it stops at its next progress report). */
export async function requestCancel(id: number): Promise<void> {
  const at = Date.now();
  await k()(JOBS).where({ id, state: JOB_STATE.queued }).update({ state: JOB_STATE.cancelled, cancel_requested: true, finished_at: at, updated_at: at });
  await k()(JOBS).where({ id, state: JOB_STATE.active }).update({ cancel_requested: true, updated_at: at });
}

export async function readJobFile(id: number, role: FileRole): Promise<{ name: string; content: Buffer } | null> {
  const r = await k()(JOB_FILES).where({ job_id: id, role }).first('name', 'content');
  return r ? { name: String(r.name), content: Buffer.from(r.content as Uint8Array) } : null;
}

/** Tests only: leaves a job as a dead process would — active, its lease expired, one attempt used. */
export async function abandonJob(documentId: string, rowsDone = 0): Promise<number> {
  const at = Date.now();
  return k()(JOBS)
    .where({ document_id: documentId })
    .update({ state: JOB_STATE.active, lease_owner: 'dead-process', lease_until: at - 1, attempts: 1, rows_done: rowsDone, updated_at: at });
}

let paused = false;
/** Tests only: while paused, no runner of this process starts a job. */
export const setJobsPaused = (p: boolean) => {
  paused = p;
};
export const jobsPaused = () => paused;
