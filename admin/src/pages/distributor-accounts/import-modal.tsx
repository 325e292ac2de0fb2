/**
 * 导入: choose the filled template, 导入 — a background job (POST …/import-jobs) whose progress bar,
 * rows done and 取消任务 show here; at its end every error as row / column / reason, with the sheet
 * plus an error column to download, or the number imported.
 */
import { useCallback, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import { useInvalidate, useTranslate } from '@refinedev/core';
import { JOB_STATE, type JobRow } from '@domain';
import { downloadFile } from '../../components/api-helpers';
import { JobProgress } from '../../components/job-progress';
import { useStartJob } from '../../hooks/use-start-job';
import { MANAGE } from './types';

interface RowError {
  row: number;
  column: string;
  message: string;
}
interface ErrorInfo {
  total?: number;
  rows?: RowError[];
  errorFileName?: string;
}

export function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const { start, jobId, starting, reset } = useStartJob();
  const invalidate = useInvalidate();
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<ErrorInfo | null>(null);
  const [created, setCreated] = useState<number | null>(null);

  const submit = async () => {
    if (!file) {
      setError(t('accounts.import.noFile'));
      return;
    }
    setError(null);
    setInfo(null);
    setCreated(null);
    const fd = new FormData();
    fd.append('file', file, file.name);
    await start(`/api/${MANAGE}/import-jobs`, {}, fd);
  };

  /** The job's end: the number imported, or its error and the rows' errors (the sheet from the job's file). */
  const finished = useCallback(
    (job: JobRow) => {
      if (job.state === JOB_STATE.completed) {
        const count = Number(job.result?.created ?? 0);
        setCreated(count);
        message.success(t('accounts.import.success', { count }));
        void invalidate({ invalidates: ['all'] });
      } else if (job.state === JOB_STATE.failed) {
        setError(job.error?.message ?? '');
        const r = job.result as { total?: number; rows?: RowError[] } | null;
        if (r?.rows) setInfo({ total: r.total, rows: r.rows, errorFileName: job.fileName ?? undefined });
      }
    },
    [invalidate, message, t],
  );

  return (
    <Modal
      open
      title={t('accounts.import.title')}
      onCancel={onClose}
      width={760}
      footer={
        <Space>
          <Button onClick={onClose}>{t('accounts.form.cancel')}</Button>
          <Button type="primary" loading={starting} onClick={submit}>
            {t('accounts.import.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('accounts.import.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <label className="ant-btn ant-btn-default" style={{ cursor: 'pointer' }}>
          {t('accounts.import.choose')}
          <input
            type="file"
            aria-label={t('accounts.import.choose')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              setInfo(null);
              setCreated(null);
              reset();
              e.target.value = '';
            }}
          />
        </label>
        <Typography.Text>{file?.name}</Typography.Text>
      </Space>
      {jobId && (
        <div style={{ marginBottom: 12 }}>
          <JobProgress key={jobId} id={jobId} onFinished={finished} ownOutcome />
        </div>
      )}
      {created !== null && <Alert type="success" showIcon message={t('accounts.import.success', { count: created })} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {info?.rows && (
        <>
          {jobId && info.errorFileName && (
            <Button
              style={{ marginBottom: 8 }}
              onClick={() => downloadFile(`/api/jobs/${jobId}/file`, {}, info.errorFileName!).catch((e) => message.error(String(e?.message ?? e)))}
            >
              {t('accounts.import.downloadErrors')}
            </Button>
          )}
          {info.total !== undefined && info.total > info.rows.length && (
            <Typography.Paragraph type="secondary">{t('accounts.import.more', { total: info.total, shown: info.rows.length })}</Typography.Paragraph>
          )}
          <Table<RowError & { key: number }>
            size="small"
            aria-label={t('accounts.import.reason')}
            dataSource={info.rows.map((r, i) => ({ ...r, key: i }))}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: t('accounts.import.row'), dataIndex: 'row', width: 70 },
              { title: t('accounts.import.column'), dataIndex: 'column', width: 160 },
              { title: t('accounts.import.reason'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
