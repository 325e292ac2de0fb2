/**
 * A background job (GET /api/jobs/:id) under the button that started it: an antd Progress with the
 * rows done, 取消任务 while it runs, 下载文件 (or the import's error sheet) once it is over. Polls
 * twice a second until the job ends; `onFinished` is told the job once (e.g. to reload the list).
 */
import { useEffect, useRef } from 'react';
import { Alert, App, Button, Progress, Space, Typography } from 'antd';
import { useCustom, useCustomMutation, useTranslate } from '@refinedev/core';
import { isJobFinished, JOB_STATE, type JobRow } from '@domain';
import { downloadFile } from './api-helpers';

/** `ownOutcome` when the page shows the end itself (the import's error list and 下载错误明细): the bar then says only 失败. */
export function JobProgress({ id, onFinished, ownOutcome }: { id: string; onFinished?: (job: JobRow) => void; ownOutcome?: boolean }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { result } = useCustom<{ data: JobRow }>({
    url: `/api/jobs/${id}`,
    method: 'get',
    queryOptions: {
      refetchInterval: (q) =>
        (q.state.data?.data as { data?: JobRow } | undefined)?.data && isJobFinished((q.state.data!.data as { data: JobRow }).data.state) ? false : 500,
    },
    errorNotification: false,
  });
  const job = (result?.data as unknown as { data?: JobRow } | undefined)?.data;
  const { mutate: cancel, mutation } = useCustomMutation();
  const told = useRef(false);
  useEffect(() => {
    if (job && isJobFinished(job.state) && !told.current) {
      told.current = true;
      onFinished?.(job);
    }
  }, [job, onFinished]);
  if (!job) return <Progress percent={0} size="small" />;

  const finished = isJobFinished(job.state);
  const status = job.state === JOB_STATE.failed ? 'exception' : job.state === JOB_STATE.completed ? 'success' : finished ? 'normal' : 'active';
  const label =
    job.state === JOB_STATE.queued
      ? t('jobs.queued')
      : job.state === JOB_STATE.active
        ? job.rowsTotal
          ? t('jobs.running', { done: job.rowsDone, total: job.rowsTotal })
          : t('jobs.runningNoTotal', { done: job.rowsDone })
        : job.state === JOB_STATE.completed
          ? t('jobs.completed', { done: job.rowsDone })
          : job.state === JOB_STATE.cancelled
            ? t('jobs.cancelled')
            : ownOutcome
              ? t('jobs.failedShort')
              : t('jobs.failed', { message: job.error?.message ?? '' });
  return (
    <div data-testid="job-progress" style={{ minWidth: 320 }}>
      <Progress percent={job.percent} status={status} size="small" aria-label={t('jobs.title')} />
      <Space wrap>
        <Typography.Text type={job.state === JOB_STATE.failed ? 'danger' : 'secondary'}>{label}</Typography.Text>
        {job.actions.includes('cancel') && (
          <Button
            size="small"
            loading={mutation.isPending}
            onClick={() => cancel({ url: `/api/jobs/${id}/cancel`, method: 'post', values: {}, successNotification: false, errorNotification: false })}
          >
            {t('jobs.cancel')}
          </Button>
        )}
        {!ownOutcome && job.actions.includes('download') && job.fileName && (
          <Button
            size="small"
            type="primary"
            onClick={() => downloadFile(`/api/jobs/${id}/file`, {}, job.fileName!).catch((e) => message.error(String(e?.message ?? e)))}
          >
            {job.state === JOB_STATE.failed ? t('jobs.downloadErrors') : t('jobs.download')}
          </Button>
        )}
      </Space>
      {job.state === JOB_STATE.failed && !job.fileName && !ownOutcome && <Alert type="error" showIcon message={job.error?.message} style={{ marginTop: 8 }} />}
    </div>
  );
}
