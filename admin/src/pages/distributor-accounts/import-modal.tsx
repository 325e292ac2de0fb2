/** 导入: choose the filled template, 导入; every error as row / column / reason, with the sheet plus an error column. */
import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import { useCustomMutation, useInvalidate, useTranslate } from '@refinedev/core';
import { isHttpError } from '../../providers/http-client';
import { saveBlob } from '../../components/api-helpers';
import { base64Blob } from './util';
import { MANAGE } from './types';

interface RowError {
  row: number;
  column: string;
  message: string;
}
interface ErrorInfo {
  total?: number;
  rows?: RowError[];
  errorFile?: string;
  errorFileName?: string;
}

export function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const { mutateAsync } = useCustomMutation<{ data: { created: number } }>();
  // Our own flag: the button is busy exactly while this submit runs (the mutation's state lags behind a refused upload).
  const [busy, setBusy] = useState(false);
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
    setBusy(true);
    try {
      const res = await mutateAsync({
        url: `/api/${MANAGE}/import`,
        method: 'post',
        values: fd as unknown as Record<string, unknown>,
        successNotification: false,
        errorNotification: false,
      });
      const count = (res.data as unknown as { data: { created: number } }).data.created;
      setCreated(count);
      message.success(t('accounts.import.success', { count }));
      await invalidate({ invalidates: ['all'] });
    } catch (err) {
      setError(isHttpError(err) ? err.message : String(err));
      const details = isHttpError(err) ? (err.details as { info?: ErrorInfo } | undefined) : undefined;
      if (details?.info?.rows) setInfo(details.info);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('accounts.import.title')}
      onCancel={onClose}
      width={760}
      footer={
        <Space>
          <Button onClick={onClose}>{t('accounts.form.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={submit}>
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
              e.target.value = '';
            }}
          />
        </label>
        <Typography.Text>{file?.name}</Typography.Text>
      </Space>
      {created !== null && <Alert type="success" showIcon message={t('accounts.import.success', { count: created })} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {info?.rows && (
        <>
          {info.errorFile && (
            <Button style={{ marginBottom: 8 }} onClick={() => saveBlob(base64Blob(info.errorFile!), info.errorFileName ?? 'errors.xlsx')}>
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
