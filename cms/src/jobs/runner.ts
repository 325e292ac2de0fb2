/**
 * Runs the jobs of db/job-store.ts. On PostgreSQL the queue is pg-boss (schema `pgboss`): a queued
 * job is sent to the queue `mcp-jobs`, every server process works it, and a handler that fails
 * unexpectedly is retried by pg-boss. On SQLite (one process) the same jobs run in process, one at a
 * time. Either way a job is first claimed in `mcp_jobs` (a lease renewed while it works): a sweep
 * gives jobs whose lease ran out — their process died — to the queue again, so a job is retried,
 * and its end is written with the lease check, so it is never done twice.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import { DomainError, isDomainError } from '../domain/errors';
import { JOB_MAX_ATTEMPTS, JOB_STATE, type JobKind } from '../domain/jobs';
import { onceInCluster } from '../db/cluster-lock';
import {
  claimJob,
  dueJobs,
  endJob,
  ensureJobTables,
  failExhaustedJobs,
  jobsPaused,
  onJobQueued,
  readJobFile,
  requeueJob,
  touchJob,
  type JobEnd,
  type JobRecord,
  type JobWork,
} from '../db/job-store';
import { loadActor, type Actor } from '../scope';

/** The owner asked to cancel: thrown from `progress`, it rolls back the work's transaction. */
export class JobCancelled extends Error {}
/** Another runner holds the job now (this one was taken for dead): stop without writing. */
export class LeaseLost extends Error {}

/**
 * `progress` records rows done (and the total) and throws JobCancelled or LeaseLost; inside the work's
 * transaction pass `trx` (used on SQLite, whose one connection the transaction holds). `endIn` writes
 * the job's end inside the work's transaction (LeaseLost rolls it back).
 */
export interface JobContext extends JobWork {
  job: JobRecord;
  actor: Actor;
  /** The uploaded file the job was created with. */
  input(): Promise<Buffer>;
}
/** A job's work: answers its end, or nothing when it wrote it itself with `endIn`. */
export type JobHandler = (ctx: JobContext) => Promise<JobEnd | void>;

const handlers = new Map<JobKind, JobHandler>();
export const registerJobHandler = (kind: JobKind, h: JobHandler) => handlers.set(kind, h);

const envMs = (name: string, dflt: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : dflt);
const LEASE_MS = envMs('JOBS_LEASE_MS', 60_000);
const SWEEP_MS = envMs('JOBS_SWEEP_MS', 5_000);
/** A queued job not started after this long is sent to the queue again (its message may be lost). */
const REDISPATCH_MS = envMs('JOBS_REDISPATCH_MS', 30_000);
const QUEUE = 'mcp-jobs';

const running = new Set<string>();
let boss: PgBoss | null = null;
let sweeper: NodeJS.Timeout | null = null;
let sqlite = true;
type Log = (msg: string) => void;
let log: { info: Log; warn: Log; error: Log } = console;

async function execute(job: JobRecord, lease: string): Promise<void> {
  const handler = handlers.get(job.kind);
  if (!handler) throw new DomainError('JOB_KIND_UNKNOWN', `未知的任务类型：${job.kind}`, { status: 500 });
  const actor = await loadActor({ state: { user: { id: job.ownerUserId } } });
  if (!actor) throw new DomainError('JOB_OWNER_DISABLED', '发起任务的账号已停用，任务未执行', { status: 403 });
  const check = (t: { ours: boolean; cancelRequested: boolean }) => {
    if (!t.ours) throw new LeaseLost();
    if (t.cancelRequested) throw new JobCancelled();
  };
  const ctx: JobContext = {
    job,
    actor,
    progress: async (done, total, trx) => check(await touchJob(job.id, lease, LEASE_MS, { done, total }, sqlite ? trx : undefined)),
    input: async () => {
      const f = await readJobFile(job.id, 'input');
      if (!f) throw new DomainError('JOB_INPUT_MISSING', '任务的上传文件不存在', { status: 500 });
      return f.content;
    },
    endIn: async (trx, end) => {
      if (!(await endJob(job.id, lease, end, trx))) throw new LeaseLost();
    },
  };
  const end = await handler(ctx);
  if (end) await endJob(job.id, lease, end);
}

/** Claims and runs one job (answers whether it could); an unexpected error gives it back to the queue (and is rethrown for pg-boss's retry). */
export async function runJob(documentId: string): Promise<boolean> {
  if (jobsPaused() || running.has(documentId)) return false;
  const job = await claimJob(documentId, LEASE_MS);
  if (!job) return false;
  const lease = job.leaseOwner!;
  running.add(documentId);
  const beat = setInterval(() => void touchJob(job.id, lease, LEASE_MS, {}).catch(() => undefined), Math.max(500, LEASE_MS / 3));
  beat.unref();
  try {
    await execute(job, lease);
  } catch (e) {
    if (e instanceof LeaseLost) return true;
    if (e instanceof JobCancelled) {
      await endJob(job.id, lease, { state: JOB_STATE.cancelled, error: { code: 'JOB_CANCELLED', message: '任务已取消' } });
    } else if (isDomainError(e)) {
      await endJob(job.id, lease, { state: JOB_STATE.failed, error: { code: e.code, message: e.message } });
    } else if (job.attempts < JOB_MAX_ATTEMPTS) {
      log.warn(`[jobs] ${job.kind} ${documentId} attempt ${job.attempts} failed, will retry: ${(e as Error).message}`);
      await requeueJob(job.id, lease, (e as Error).message);
      if (boss) throw e;
    } else {
      log.error(`[jobs] ${job.kind} ${documentId} failed: ${(e as Error).stack ?? e}`);
      await endJob(job.id, lease, { state: JOB_STATE.failed, error: { code: 'JOB_FAILED', message: '任务执行失败，请稍后重试' } });
    }
  } finally {
    clearInterval(beat);
    running.delete(documentId);
  }
  return true;
}

const send = (documentId: string) =>
  boss!
    .send(QUEUE, { documentId }, { retryLimit: JOB_MAX_ATTEMPTS - 1, retryDelay: 2, expireInSeconds: 4 * 3600 })
    .then(() => undefined)
    .catch((e: Error) => log.warn(`[jobs] send failed: ${e.message}`));

// In process (SQLite): one job at a time, drained whenever a job is queued and at every sweep.
let draining: Promise<void> | null = null;
let again = false;
function drainLocal(): void {
  if (draining) {
    again = true;
    return;
  }
  draining = (async () => {
    do {
      again = false;
      await failExhaustedJobs();
      for (const id of await dueJobs(Date.now())) {
        if (jobsPaused()) return;
        const ran = await runJob(id).catch((e: Error) => {
          log.error(`[jobs] ${e.message}`);
          return true;
        });
        if (ran) again = true;
      }
    } while (again && !jobsPaused());
  })()
    .catch((e: Error) => log.error(`[jobs] ${e.message}`))
    .finally(() => {
      draining = null;
    });
}

async function sweep(knex: Knex): Promise<void> {
  if (jobsPaused()) return;
  if (!boss) return drainLocal();
  await onceInCluster(knex, 'jobs-sweep', async () => {
    await failExhaustedJobs();
    for (const id of await dueJobs(Date.now() - REDISPATCH_MS)) await send(id);
  });
}

/** Starts the runner (bootstrap): the tables, pg-boss on PostgreSQL (JOBS_QUEUE=local keeps jobs in process), the sweep. */
export async function startJobRunner(strapi: Core.Strapi): Promise<void> {
  log = { info: (m) => strapi.log.info(m), warn: (m) => strapi.log.warn(m), error: (m) => strapi.log.error(m) };
  const knex = strapi.db.connection as Knex;
  await ensureJobTables(knex);
  const cfg = strapi.db.config.connection as { client: string; connection: Record<string, unknown> | string };
  sqlite = !/^(pg|postgres)/.test(String(cfg.client));
  if (!sqlite && process.env.JOBS_QUEUE !== 'local') {
    const conn: Record<string, unknown> = typeof cfg.connection === 'string' ? { connectionString: cfg.connection } : { ...cfg.connection };
    delete conn.schema; // Strapi's schema; pg-boss keeps its own (`pgboss`)
    boss = new PgBoss({ ...conn, schema: 'pgboss', max: 4, application_name: 'mcp-jobs', supervise: true, schedule: false });
    boss.on('error', (e: Error) => log.warn(`[jobs] pg-boss: ${e.message}`));
    await boss.start();
    if (!(await boss.getQueue(QUEUE))) await boss.createQueue(QUEUE);
    const concurrency = Math.max(1, Number(process.env.JOBS_CONCURRENCY) || 2);
    for (let i = 0; i < concurrency; i++) {
      await boss.work<{ documentId: string } | string>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
        // Strapi's pg type parsers (global to the pg module) leave jsonb as text.
        const data = typeof job?.data === 'string' ? (JSON.parse(job.data) as { documentId: string }) : job?.data;
        if (data?.documentId) await runJob(data.documentId);
      });
    }
    onJobQueued((id) => void send(id));
    log.info(`[jobs] queue: pg-boss on PostgreSQL, ${concurrency} workers in this process`);
  } else {
    onJobQueued(() => drainLocal());
  }
  sweeper = setInterval(() => void sweep(knex).catch((e: Error) => log.warn(`[jobs] sweep: ${e.message}`)), SWEEP_MS);
  sweeper.unref();
}

export async function stopJobRunner(): Promise<void> {
  if (sweeper) clearInterval(sweeper);
  sweeper = null;
  const b = boss;
  boss = null;
  await b?.stop({ graceful: false, wait: false }).catch(() => undefined);
}
