/** 批量导入 of manufacturers and hospitals: every error as row / column / reason (and the sheet); on success the logins once. */
import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import { useCustomMutation, useInvalidate, useTranslate } from '@refinedev/core';
import { isHttpError } from '../../providers/http-client';
import { saveBlob } from '../../components/api-helpers';
import { base64Blob, PLATFORM, type CredentialBatch } from './types';

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
interface Created {
  created: number;
  credentials: CredentialBatch['credentials'];
  credentialsFile: string;
  credentialsFileName: string;
}

export function OrgImportModal({ onClose, onCreated }: { onClose: () => void; onCreated: (b: CredentialBatch) => void }) {
  const t = useTranslate();
  const l = (k: string, o?: Record<string, unknown>) => t(`organisation.platform.${k}`, o);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<ErrorInfo | null>(null);
  const { mutateAsync } = useCustomMutation();
  const invalidate = useInvalidate();

  const submit = async () => {
    if (!file) return setError(l('noFile'));
    setError(null);
    setInfo(null);
    const fd = new FormData();
    fd.append('file', file, file.name);
    setBusy(true);
    try {
      const res = await mutateAsync({
        url: `/api/${PLATFORM}/import`,
        method: 'post',
        values: fd as unknown as Record<string, unknown>,
        successNotification: false,
        errorNotification: false,
      });
      const data = (res.data as unknown as { data: Created }).data;
      await invalidate({ invalidates: ['all'] });
      onCreated({ credentials: data.credentials, file: data.credentialsFile, fileName: data.credentialsFileName });
      onClose();
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
      title={l('importTitle')}
      onCancel={onClose}
      width={760}
      footer={
        <Space>
          <Button onClick={onClose}>{t('organisation.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={submit}>
            {l('submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{l('importHint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <label className="ant-btn ant-btn-default" style={{ cursor: 'pointer' }}>
          {l('choose')}
          <input
            type="file"
            aria-label={l('choose')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              setInfo(null);
              e.target.value = '';
            }}
          />
        </label>
        <Typography.Text>{file?.name}</Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      {info?.rows && (
        <>
          {info.errorFile && (
            <Button style={{ marginBottom: 8 }} onClick={() => saveBlob(base64Blob(info.errorFile!), info.errorFileName ?? 'errors.xlsx')}>
              {l('downloadErrors')}
            </Button>
          )}
          <Table<RowError & { key: number }>
            size="small"
            dataSource={info.rows.map((r, i) => ({ ...r, key: i }))}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: l('row'), dataIndex: 'row', width: 70 },
              { title: l('column'), dataIndex: 'column', width: 160 },
              { title: l('reason'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
