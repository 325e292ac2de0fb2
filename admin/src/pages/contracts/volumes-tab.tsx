/**
 * 约定采购量: the bureau imports its province's agreed volumes (.xlsx, all or nothing, every error by
 * row); the hospital picks a distributor for each, which creates the contract 待签订.
 */
import { useState } from 'react';
import { useCustom, useCustomMutation, useInvalidate, useTranslate } from '@refinedev/core';
import { Alert, App, Button, Input, Modal, Select, Space, Table, Typography, Upload } from 'antd';
import { Link } from 'react-router';
import { formatFen } from '@domain';
import { downloadFile, saveBlob } from '../../components/api-helpers';
import { StatusTag } from '../../components/status-tag';
import { RowActions } from '../../components/row-actions';
import { usePageQuery } from '../../hooks/use-page-query';
import { useRowAction } from '../../hooks/use-row-action';
import { isHttpError } from '../../providers/http-client';

interface VolumeRow {
  documentId: string;
  hospitalName: string | null;
  manufacturerName: string | null;
  productCode: string | null;
  productName: string | null;
  priceFen: number;
  quantity: number;
  startDate: string;
  endDate: string;
  contract: { documentId: string; status: string; code: string } | null;
  actions: string[];
}
interface ImportErrors {
  rows: Array<{ row: number; column: string; message: string }>;
  errorFile?: string;
  errorFileName?: string;
}

function base64Blob(b64: string): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

function PickModal({ row, onClose }: { row: VolumeRow; onClose: () => void }) {
  const t = useTranslate();
  const [value, setValue] = useState<number | undefined>();
  const { run, running } = useRowAction();
  const { result } = useCustom<{ data: Array<{ orgId: number; name: string }> }>({
    url: `/api/contract-volumes/${row.documentId}/distributors`,
    method: 'get',
  });
  const options = ((result?.data as unknown as { data?: Array<{ orgId: number; name: string }> } | undefined)?.data ?? []).map((d) => ({
    value: d.orgId,
    label: d.name,
  }));
  const submit = () =>
    run({ url: `/contract-volumes/${row.documentId}/pick`, values: { distributorOrgId: value }, success: t('contracts.volumes.done') })
      .then(onClose)
      .catch(() => undefined);
  return (
    <Modal
      open
      title={t('contracts.volumes.pickTitle')}
      onOk={submit}
      okButtonProps={{ disabled: !value, loading: running }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('contracts.volumes.pickHint')}</Typography.Paragraph>
      <Typography.Paragraph>
        {row.productName}（{row.productCode}）× {row.quantity}
      </Typography.Paragraph>
      <Select
        aria-label={t('contracts.volumes.distributor')}
        style={{ width: '100%' }}
        placeholder={t('contracts.volumes.distributor')}
        options={options}
        value={value}
        onChange={setValue}
        notFoundContent={t('contracts.volumes.noDistributor')}
      />
    </Modal>
  );
}

export function VolumesTab({ role }: { role: string | undefined }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [q, setQ] = useState<string | undefined>();
  const [picking, setPicking] = useState<VolumeRow | null>(null);
  const [errors, setErrors] = useState<ImportErrors | null>(null);
  const [errorText, setErrorText] = useState<string | null>(null);
  const { mutateAsync, mutation } = useCustomMutation<{ data: { created: number } }>();
  const { rows, pagination, loading } = usePageQuery<VolumeRow>('/api/contract-volumes', q ? { q } : {}, { pageSize: 10, enabled: !!role });
  const upload = async (file: File) => {
    const fd = new FormData();
    fd.append('file', file, file.name);
    setErrors(null);
    setErrorText(null);
    try {
      const res = await mutateAsync({
        url: '/api/contract-volumes/import',
        method: 'post',
        values: fd as unknown as Record<string, unknown>,
        successNotification: false,
        errorNotification: false,
      });
      message.success(t('contracts.volumes.importDone', { n: (res.data as unknown as { data: { created: number } }).data.created }));
      await invalidate({ invalidates: ['all'] });
    } catch (err) {
      setErrorText(isHttpError(err) ? err.message : String(err));
      const info = isHttpError(err) ? (err.details as { info?: ImportErrors } | undefined)?.info : undefined;
      if (info?.rows) setErrors(info);
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('contracts.filter.product')}
          placeholder={t('contracts.filter.product')}
          allowClear
          onSearch={(v) => setQ(v || undefined)}
          style={{ width: 240 }}
        />
        {role === 'bureau' && (
          <>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
              <Button type="primary" loading={mutation.isPending}>
                {t('contracts.volumes.import')}
              </Button>
            </Upload>
            <Button onClick={() => downloadFile('/api/contract-volumes/template', {}, '约定采购量导入模板.xlsx').catch((e: Error) => message.error(e.message))}>
              {t('contracts.volumes.template')}
            </Button>
          </>
        )}
      </Space>
      {errorText && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={errorText}
          description={
            errors && (
              <>
                <ul style={{ maxHeight: 160, overflow: 'auto', margin: 0 }}>
                  {errors.rows.slice(0, 50).map((e, i) => (
                    <li key={i}>{`第${e.row}行 ${e.column}：${e.message}`}</li>
                  ))}
                </ul>
                {errors.errorFile && (
                  <Button size="small" onClick={() => saveBlob(base64Blob(errors.errorFile!), errors.errorFileName ?? 'errors.xlsx')}>
                    {t('contracts.volumes.errorFile')}
                  </Button>
                )}
              </>
            )
          }
        />
      )}
      <Table<VolumeRow>
        rowKey="documentId"
        loading={loading}
        dataSource={rows}
        pagination={pagination}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('contracts.col.hospital'), dataIndex: 'hospitalName', width: 180 },
          { title: t('contracts.col.product'), key: 'product', width: 220, render: (_: unknown, r) => `${r.productName ?? ''}（${r.productCode ?? ''}）` },
          { title: t('contracts.col.manufacturer'), dataIndex: 'manufacturerName', width: 180 },
          { title: t('contracts.col.quantity'), dataIndex: 'quantity', width: 100 },
          { title: t('contracts.col.price'), dataIndex: 'priceFen', width: 110, render: (v: number) => formatFen(v) },
          { title: t('contracts.col.period'), key: 'period', width: 190, render: (_: unknown, r) => `${r.startDate} ~ ${r.endDate}` },
          {
            title: t('contracts.volumes.contract'),
            key: 'contract',
            width: 200,
            render: (_: unknown, r) =>
              r.contract ? (
                <Space>
                  <Link to={`/contracts/show/${r.contract.documentId}`}>{r.contract.code}</Link>
                  <StatusTag machine="contract" value={r.contract.status} />
                </Space>
              ) : null,
          },
          {
            title: t('contracts.col.actions'),
            key: 'actions',
            fixed: 'right',
            width: 130,
            render: (_: unknown, r) => (
              <RowActions actions={r.actions} specs={{ pick: { label: t('contracts.volumes.pick'), onClick: () => setPicking(r) } }} />
            ),
          },
        ]}
      />
      {picking && <PickModal row={picking} onClose={() => setPicking(null)} />}
    </>
  );
}
