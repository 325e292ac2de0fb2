/**
 * Long work as jobs (README, "Jobs"): account import and issue, large exports and the statistics
 * rebuild run in the background with progress, a file to download, cancellation, and a retry when
 * the server running one dies. The states, the kinds and what the panel shows are decided here.
 */

/** A job's states: queued → active → completed | failed | cancelled (a dead worker's active job is queued again). */
export const JOB_STATE = {
  queued: 'queued',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
} as const;
export type JobState = (typeof JOB_STATE)[keyof typeof JOB_STATE];
export const JOB_STATES: readonly JobState[] = Object.values(JOB_STATE);

/** What a job does. */
export const JOB_KIND = {
  accountImport: 'account-import',
  accountIssue: 'account-issue',
  orderLinesExport: 'order-lines-export',
  accountsExport: 'accounts-export',
  statsRebuild: 'stats-rebuild',
} as const;
export type JobKind = (typeof JOB_KIND)[keyof typeof JOB_KIND];
export const JOB_KINDS: readonly JobKind[] = Object.values(JOB_KIND);

export const JOB_STATE_LABELS: { readonly [S in JobState]: { zh: string; en: string } } = {
  queued: { zh: '排队中', en: 'Queued' },
  active: { zh: '进行中', en: 'Running' },
  completed: { zh: '已完成', en: 'Completed' },
  failed: { zh: '失败', en: 'Failed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** How many times a job is started at most (the first run and the retries after a dead worker). */
export const JOB_MAX_ATTEMPTS = 3;

/** Whether a job in `state` is over (no more progress, no cancelling). */
export const isJobFinished = (state: JobState): boolean => state === JOB_STATE.completed || state === JOB_STATE.failed || state === JOB_STATE.cancelled;

/** Whether a job in `state` may still be cancelled. */
export const canCancelJob = (state: JobState): boolean => !isJobFinished(state);

/** The percentage shown: rows done of the total (0 while the total is unknown), 100 once completed, never 100 before. */
export function jobPercent(state: JobState, done: number, total: number | null): number {
  if (state === JOB_STATE.completed) return 100;
  if (!total || total <= 0) return 0;
  return Math.max(0, Math.min(99, Math.floor((done * 100) / total)));
}

/** The actions the owner may take on a job: cancel while it runs, download once its file is there. */
export function jobActions(state: JobState, hasFile: boolean): string[] {
  const out: string[] = [];
  if (canCancelJob(state)) out.push('cancel');
  if (hasFile && isJobFinished(state)) out.push('download');
  return out;
}

/** A job as the API answers it (GET /api/jobs/:id). */
export interface JobRow {
  id: string;
  kind: JobKind;
  state: JobState;
  stateLabel: string;
  percent: number;
  rowsDone: number;
  rowsTotal: number | null;
  attempts: number;
  result: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  fileName: string | null;
  actions: string[];
  createdAt: string;
  finishedAt: string | null;
}
