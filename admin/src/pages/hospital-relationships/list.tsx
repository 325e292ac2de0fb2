/**
 * 配送关系管理 › 医院配送关系 (manual 001 §3.2) for every role that sees it:
 * - hospital: 委托配送申请, 撤回申请 (待确认), 撤销申请 (已建立), which distributors it may order from now;
 * - distributor: 接受委托 / 拒绝委托 and 接受撤销 / 拒绝撤销 on one or all ticked rows, to-do counts;
 * - bureau and platform admin: read only.
 * The status shown is the effective one computed by the server (解约中 reads 已解除 after 30 days).
 */
import { useMemo, useState } from 'react';
import { useCustom, useGetIdentity, useGetLocale, useTranslate } from '@refinedev/core';
import { useTable } from '@refinedev/antd';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { chinaDate, relationshipMachine, stateLabel, type RelationshipTransition } from '@domain';
import { StatusTag } from '../../components/status-tag';
import type { Me } from '../../providers/session';
import { getToken } from '../../providers/session';
import { downloadFile } from '../../components/api-helpers';
import { apiFetch, isHttpError } from '../../providers/http-client';
import { isLang } from '../../providers/i18n-provider';

const BASE = '/api/hospital-relationships';

interface Row {
  id: string;
  documentId: string;
  hospitalName: string | null;
  hospitalRegionName: string | null;
  distributorName: string | null;
  distributorAreas: { code: string; name: string }[];
  status: string;
  reason: string | null;
  revokeReason: string | null;
  requestedAt: string | null;
  respondedAt: string | null;
  revokeRequestedAt: string | null;
  terminatingSince: string | null;
  terminationEndsAt: string | null;
  daysLeft: number | null;
  orderable: boolean;
  distributorOrgId: number;
}

interface Candidate {
  id: number;
  name: string;
  areas: { code: string; name: string }[];
  currentStatus: string | null;
  canRequest: boolean;
}

const time = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

function useLang(): 'zh-CN' | 'en-US' {
  const locale = useGetLocale()();
  return isLang(locale) ? locale : 'zh-CN';
}

export function HospitalRelationshipList() {
  const t = useTranslate();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const { data: me } = useGetIdentity<Me>();
  const role = me?.role;
  const isHospital = role === 'hospital';
  const isDistributor = role === 'distributor';

  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [reasonFor, setReasonFor] = useState<{
    action: RelationshipTransition;
    ids: string[];
  } | null>(null);
  const [requestOpen, setRequestOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reasonForm] = Form.useForm<{ reason?: string }>();
  const [requestForm] = Form.useForm<{ distributorOrgId?: number }>();

  const filterQuery = useMemo(
    () => ({
      ...(status ? { status } : {}),
      ...(q.trim() ? { q: q.trim() } : {}),
    }),
    [status, q],
  );

  const { tableProps, tableQuery } = useTable<Row>({
    resource: 'hospital-relationships',
    meta: { apiPath: 'hospital-relationships/list', query: filterQuery },
    pagination: { pageSize: 10 },
    sorters: { mode: 'off' },
    filters: { mode: 'off' },
    syncWithLocation: false,
  });

  const { result: counts, query: countsQuery } = useCustom<{
    data: {
      byStatus: Record<string, number>;
      pending: number;
      revoking: number;
    };
  }>({
    url: `${BASE}/counts`,
    method: 'get',
  });
  const byStatus = counts?.data?.data?.byStatus ?? {};

  const { result: orderable, query: orderableQuery } = useCustom<{
    data: Row[];
  }>({
    url: `${BASE}/list`,
    method: 'get',
    config: { query: { orderable: 'true', pagination: { pageSize: 200 } } },
    queryOptions: { enabled: isHospital },
  });

  const { result: candidates, query: candidatesQuery } = useCustom<{
    data: Candidate[];
  }>({
    url: `${BASE}/candidates`,
    method: 'get',
    queryOptions: { enabled: isHospital && requestOpen },
  });

  const rows = (tableProps.dataSource ?? []) as Row[];
  const selectedRows = rows.filter((r) => selected.includes(r.documentId));
  const allIn = (s: string) => selectedRows.length > 0 && selectedRows.every((r) => r.status === s);

  const refresh = async () => {
    setSelected([]);
    await Promise.all([tableQuery.refetch(), countsQuery.refetch(), isHospital ? orderableQuery.refetch() : Promise.resolve()]);
  };

  const run = async (action: RelationshipTransition, ids: string[], reason?: string) => {
    setBusy(true);
    try {
      await apiFetch(`${BASE}/${action}`, {
        method: 'POST',
        token: getToken(),
        body: { documentIds: ids, ...(reason ? { reason } : {}) },
      });
      message.success(`${relationshipMachine.actionLabel(action, lang)}：${t('relationships.done')}`);
      await refresh();
      return true;
    } catch (e) {
      message.error(isHttpError(e) ? e.message : t('relationships.failed'));
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** Transitions needing a reason (or offering one) open the reason dialog; the others ask to confirm. */
  const start = (action: RelationshipTransition, ids: string[]) => {
    if (relationshipMachine.requiresReason(action) || action === 'requestRevoke') {
      reasonForm.resetFields();
      setReasonFor({ action, ids });
      return;
    }
    const content =
      action === 'accept'
        ? t('relationships.confirmAccept', { count: ids.length })
        : action === 'acceptRevoke'
          ? t('relationships.confirmAcceptRevoke', { count: ids.length })
          : t('relationships.confirmWithdraw');
    modal.confirm({
      title: relationshipMachine.actionLabel(action, lang),
      content,
      okText: t('relationships.confirm'),
      cancelText: t('relationships.cancel'),
      onOk: () => run(action, ids),
    });
  };

  const submitReason = async () => {
    if (!reasonFor) return;
    const values = await reasonForm.validateFields();
    if (await run(reasonFor.action, reasonFor.ids, values.reason?.trim())) setReasonFor(null);
  };

  const submitRequest = async () => {
    const values = await requestForm.validateFields();
    setBusy(true);
    try {
      await apiFetch(`${BASE}/request`, {
        method: 'POST',
        token: getToken(),
        body: { distributorOrgId: values.distributorOrgId },
      });
      message.success(t('relationships.requested'));
      setRequestOpen(false);
      requestForm.resetFields();
      await refresh();
    } catch (e) {
      const msg = isHttpError(e) ? e.message : t('relationships.failed');
      requestForm.setFields([{ name: 'distributorOrgId', errors: [msg] }]);
    } finally {
      setBusy(false);
    }
  };

  const exportXlsx = async () => {
    try {
      await downloadFile(`${BASE}/export`, filterQuery, `${t('relationships.title')}.xlsx`);
    } catch {
      message.error(t('relationships.failed'));
    }
  };

  const rowActions = (r: Row) => {
    const acts = role ? relationshipMachine.allowed(r.status, role) : [];
    if (!acts.length) return null;
    return (
      <Space size={4} wrap>
        {acts.map((a) => (
          <Button
            key={a}
            size="small"
            type="link"
            danger={a === 'reject' || a === 'refuseRevoke' || a === 'requestRevoke'}
            onClick={() => start(a, [r.documentId])}
          >
            {relationshipMachine.actionLabel(a, lang)}
          </Button>
        ))}
      </Space>
    );
  };

  const statusOptions = relationshipMachine.stateNames.map((s) => ({
    value: s,
    label: `${stateLabel('relationship', s, lang)}${byStatus[s] !== undefined ? ` (${byStatus[s]})` : ''}`,
  }));

  const orderableRows = orderable?.data?.data ?? [];

  return (
    <div>
      <Space
        style={{
          width: '100%',
          justifyContent: 'space-between',
          marginBottom: 16,
        }}
        wrap
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('relationships.title')}
        </Typography.Title>
        <Space wrap>
          {isHospital && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequestOpen(true)}>
              {t('relationships.request')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
            {t('relationships.export')}
          </Button>
        </Space>
      </Space>

      {isHospital && (
        <Alert
          style={{ marginBottom: 16 }}
          type={orderableRows.length ? 'success' : 'info'}
          showIcon
          message={
            orderableRows.length ? (
              <span data-testid="orderable-distributors">
                {t('relationships.orderableNow')}
                {orderableRows.map((r) => (
                  <Tag key={r.documentId} color="green">
                    {r.distributorName}
                  </Tag>
                ))}
              </span>
            ) : (
              t('relationships.orderableNone')
            )
          }
        />
      )}
      {isDistributor && counts?.data?.data && (counts.data.data.pending > 0 || counts.data.data.revoking > 0) && (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          message={t('relationships.todo', {
            pending: counts.data.data.pending,
            revoking: counts.data.data.revoking,
          })}
        />
      )}

      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          aria-label={t('relationships.status')}
          allowClear
          style={{ width: 200 }}
          placeholder={t('relationships.allStatuses')}
          options={statusOptions}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setSelected([]);
          }}
        />
        <Input.Search
          aria-label={t('relationships.search')}
          placeholder={t('relationships.search')}
          allowClear
          style={{ width: 280 }}
          onSearch={(v) => setQ(v)}
        />
      </Space>

      {isDistributor && (
        <div role="toolbar" aria-label={t('relationships.bulk')} style={{ marginBottom: 12 }}>
          <Space wrap>
            <Typography.Text type="secondary">
              {selected.length ? t('relationships.selected', { count: selected.length }) : t('relationships.selectHint')}
            </Typography.Text>
            <Button type="primary" disabled={!allIn('pending') || busy} onClick={() => start('accept', selected)}>
              {t('relationships.accept')}
            </Button>
            <Button danger disabled={!allIn('pending') || busy} onClick={() => start('reject', selected)}>
              {t('relationships.reject')}
            </Button>
            <Button disabled={!allIn('revoking') || busy} onClick={() => start('acceptRevoke', selected)}>
              {t('relationships.acceptRevoke')}
            </Button>
            <Button danger disabled={!allIn('revoking') || busy} onClick={() => start('refuseRevoke', selected)}>
              {t('relationships.refuseRevoke')}
            </Button>
          </Space>
        </div>
      )}

      <Table<Row>
        {...tableProps}
        rowKey="documentId"
        scroll={{ x: 'max-content' }}
        rowSelection={
          isDistributor
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({
                  disabled: r.status !== 'pending' && r.status !== 'revoking',
                  'aria-label': r.hospitalName ?? '',
                }),
              }
            : undefined
        }
        columns={[
          ...(isHospital
            ? []
            : [
                {
                  title: t('relationships.hospital'),
                  dataIndex: 'hospitalName',
                  key: 'hospital',
                },
              ]),
          ...(isHospital
            ? []
            : [
                {
                  title: t('relationships.region'),
                  dataIndex: 'hospitalRegionName',
                  key: 'region',
                  render: (v: string | null) => v ?? '—',
                },
              ]),
          ...(isDistributor
            ? []
            : [
                {
                  title: t('relationships.distributor'),
                  dataIndex: 'distributorName',
                  key: 'distributor',
                },
              ]),
          ...(isDistributor
            ? []
            : [
                {
                  title: t('relationships.areas'),
                  key: 'areas',
                  render: (_: unknown, r: Row) => r.distributorAreas.map((a) => a.name).join('、') || '—',
                },
              ]),
          {
            title: t('relationships.status'),
            key: 'status',
            render: (_: unknown, r: Row) => <StatusTag machine="relationship" value={r.status} />,
          },
          ...(isHospital
            ? [
                {
                  title: t('relationships.orderable'),
                  key: 'orderable',
                  render: (_: unknown, r: Row) => (r.orderable ? <Tag color="green">{t('relationships.yes')}</Tag> : <Tag>{t('relationships.no')}</Tag>),
                },
              ]
            : []),
          {
            title: t('relationships.requestedAt'),
            key: 'requestedAt',
            render: (_: unknown, r: Row) => time(r.requestedAt),
          },
          {
            title: t('relationships.respondedAt'),
            key: 'respondedAt',
            render: (_: unknown, r: Row) => time(r.respondedAt),
          },
          {
            title: t('relationships.revokeRequestedAt'),
            key: 'revokeRequestedAt',
            render: (_: unknown, r: Row) => time(r.revokeRequestedAt),
          },
          {
            title: t('relationships.endsAt'),
            key: 'endsAt',
            render: (_: unknown, r: Row) =>
              r.terminationEndsAt ? (
                <Space size={4}>
                  <span>{chinaDate(new Date(r.terminationEndsAt))}</span>
                  {r.daysLeft !== null && <Tag color="volcano">{t('relationships.daysLeftValue', { days: r.daysLeft })}</Tag>}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('relationships.reason'),
            key: 'reason',
            render: (_: unknown, r: Row) => [r.reason, r.revokeReason].filter(Boolean).join('；') || '—',
          },
          ...(isHospital || isDistributor
            ? [
                {
                  title: t('relationships.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_: unknown, r: Row) => rowActions(r),
                },
              ]
            : []),
        ]}
      />
      {rows.some((r) => r.status === 'terminating') && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('relationships.terminatingNote')}
        </Typography.Paragraph>
      )}

      <Modal
        title={reasonFor ? relationshipMachine.actionLabel(reasonFor.action, lang) : ''}
        open={!!reasonFor}
        onCancel={() => setReasonFor(null)}
        onOk={submitReason}
        okText={t('relationships.confirm')}
        cancelText={t('relationships.cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={reasonForm} layout="vertical">
          <Form.Item
            name="reason"
            label={reasonFor && relationshipMachine.requiresReason(reasonFor.action) ? t('relationships.reasonLabel') : t('relationships.reasonOptional')}
            rules={
              reasonFor && relationshipMachine.requiresReason(reasonFor.action)
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: t('relationships.reasonRequired'),
                    },
                    { max: 500 },
                  ]
                : [{ max: 500 }]
            }
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={t('relationships.requestTitle')}
        open={requestOpen}
        onCancel={() => setRequestOpen(false)}
        onOk={submitRequest}
        okText={t('relationships.submit')}
        cancelText={t('relationships.cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('relationships.requestHint')}</Typography.Paragraph>
        <Form form={requestForm} layout="vertical">
          <Form.Item
            name="distributorOrgId"
            label={t('relationships.distributor')}
            rules={[
              {
                required: true,
                message: t('relationships.distributorRequired'),
              },
            ]}
          >
            <Select
              showSearch
              loading={candidatesQuery.isFetching}
              placeholder={t('relationships.distributorPlaceholder')}
              optionFilterProp="label"
              options={(candidates?.data?.data ?? []).map((c) => ({
                value: c.id,
                label: c.name,
                disabled: !c.canRequest,
                areas: c.areas.map((a) => a.name).join('、'),
                current: c.currentStatus,
              }))}
              optionRender={(o) => (
                <div>
                  <div>{o.label}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('relationships.areas')}：{(o.data as { areas?: string }).areas || '—'}
                    {(o.data as { current?: string | null }).current
                      ? ` · ${t('relationships.alreadyStatus', { status: stateLabel('relationship', (o.data as { current: string }).current, lang) })}`
                      : ''}
                  </Typography.Text>
                </div>
              )}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
