/**
 * Jobs as the API shows them (db/job-store.ts keeps them, jobs/runner.ts runs them): created by the
 * features' routes for their owner, read, cancelled and downloaded by the owner's organisation only
 * (another organisation's job answers 404, as if it did not exist).
 */
import { chinaIso, JOB_STATE_LABELS, jobActions, jobPercent, type JobKind, type JobRow } from '../../../domain';
import { DomainError } from '../../../domain/errors';
import { canCancelJob } from '../../../domain/jobs';
import { createJob, readJob, readJobFile, requestCancel, type JobRecord } from '../../../db/job-store';
import { notFound, type Actor } from '../../../scope';

export function jobRow(j: JobRecord, lang: 'zh-CN' | 'en-US' = 'zh-CN'): JobRow {
  return {
    id: j.documentId,
    kind: j.kind,
    state: j.state,
    stateLabel: lang === 'en-US' ? JOB_STATE_LABELS[j.state].en : JOB_STATE_LABELS[j.state].zh,
    percent: jobPercent(j.state, j.rowsDone, j.rowsTotal),
    rowsDone: j.rowsDone,
    rowsTotal: j.rowsTotal,
    attempts: j.attempts,
    result: j.result,
    error: j.errorCode ? { code: j.errorCode, message: j.errorMessage ?? '' } : null,
    fileName: j.fileName,
    actions: jobActions(j.state, !!j.fileName),
    createdAt: chinaIso(j.createdAt)!,
    finishedAt: j.finishedAt ? chinaIso(j.finishedAt) : null,
  };
}

/** The job if the actor's organisation owns it, else 404. */
async function ownJob(actor: Actor, id: string): Promise<JobRecord> {
  const job = await readJob(id);
  if (!job || job.ownerOrgId !== actor.orgId) throw notFound();
  return job;
}

export async function create(
  actor: Actor,
  kind: JobKind,
  params: Record<string, unknown>,
  opts: { input?: { name: string; content: Buffer }; rowsTotal?: number | null } = {},
): Promise<JobRow> {
  const id = await createJob({ kind, ownerUserId: actor.userId, ownerOrgId: actor.orgId, params, ...opts });
  return jobRow((await readJob(id))!);
}

export const show = async (actor: Actor, id: string, lang?: 'zh-CN' | 'en-US') => jobRow(await ownJob(actor, id), lang);

/** 取消: 409 once the job is over. */
export async function cancel(actor: Actor, id: string): Promise<JobRow> {
  const job = await ownJob(actor, id);
  if (!canCancelJob(job.state)) throw new DomainError('JOB_FINISHED', '任务已结束，不能取消', { status: 409 });
  await requestCancel(job.id);
  return jobRow((await readJob(id))!);
}

/** The result file (export) or error sheet (import); 409 while there is none. */
export async function file(actor: Actor, id: string): Promise<{ name: string; content: Buffer }> {
  const job = await ownJob(actor, id);
  const f = job.fileName ? await readJobFile(job.id, 'result') : null;
  if (!f) throw new DomainError('JOB_FILE_NOT_READY', '任务还没有可下载的文件', { status: 409 });
  return f;
}

export default () => ({ create, show, cancel, file });
