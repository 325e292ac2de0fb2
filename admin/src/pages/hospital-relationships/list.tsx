/**
 * 配送关系管理 › 医院配送关系 (manual 001 §3.2) for every role that sees it:
 * - hospital: 委托配送申请, 撤回申请, 撤销申请, which distributors it may order from now;
 * - distributor: 接受委托 / 拒绝委托 and 接受撤销 / 拒绝撤销 on one or all ticked rows, to-do counts;
 * - bureau and platform admin: read only.
 * The status shown is the effective one computed by the server; the buttons are the row's `actions`.
 */
import { useMemo, useState } from 'react';
import { useCustom, useGetIdentity, useGetLocale, useList, useTranslate } from '@refinedev/core';
import { useTable } from '@refinedev/antd';
import { Alert, App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { relationshipMachine, stateLabel, TODO_STATUSES, type RelationshipTransition } from '@domain';
import { useSearchParams } from 'react-router';
import { HistoryDrawer } from '../../components/history-drawer';
import { emptyLocale } from '../../components/empty-hint';
import { useDetailsExpandable } from '../../components/row-details';
import type { Me } from '../../providers/session';
import { downloadFile } from '../../components/api-helpers';
import { useRowAction } from '../../hooks/use-row-action';
import { useRelationshipColumns, useRelationshipDetails } from './columns';
import { RelationshipBulkToolbar } from './bulk-toolbar';
import { RelationshipReasonModal, type ReasonRequest } from './reason-modal';
import { RelationshipRequestModal } from './request-modal';
import { BATCH_ACTIONS, type RelationshipCounts, type RelationshipRow } from './types';

export function HospitalRelationshipList() {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const { message, modal } = App.useApp();
  const { data: me } = useGetIdentity<Me>();
  const role = me?.role;
  const isHospital = role === 'hospital';
  const isDistributor = role === 'distributor';
  const { run, running } = useRowAction();

  const [params] = useSearchParams();
  // 工作台 去处理 (?todo=1): the rows waiting for the caller, as the to-do count counts them.
  const todoStatuses = (isHospital ? TODO_STATUSES.hospitalTerminating : TODO_STATUSES.distributorRelationships).join(',');
  const [status, setStatus] = useState<string | undefined>(() => (params.get('todo') ? todoStatuses : undefined));
  const [historyOf, setHistoryOf] = useState<RelationshipRow | null>(null);
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [reasonFor, setReasonFor] = useState<ReasonRequest | null>(null);
  const [requestOpen, setRequestOpen] = useState(false);

  const filterQuery = useMemo(() => ({ ...(status ? { status } : {}), ...(q.trim() ? { q: q.trim() } : {}) }), [status, q]);
  const { tableProps, setCurrentPage } = useTable<RelationshipRow>({
    resource: 'hospital-relationships',
    meta: { apiPath: 'hospital-relationships/list', query: filterQuery },
    pagination: { pageSize: 10 },
    sorters: { mode: 'off' },
    filters: { mode: 'off' },
    syncWithLocation: false,
  });
  const { result: countsAnswer } = useCustom<{ data: RelationshipCounts }>({
    url: '/api/hospital-relationships/counts',
    method: 'get',
    errorNotification: false,
  });
  const counts = (countsAnswer?.data as { data?: RelationshipCounts } | undefined)?.data;
  const { result: orderable } = useList<RelationshipRow>({
    resource: 'hospital-relationships',
    meta: { apiPath: 'hospital-relationships/list', query: { orderable: 'true' } },
    pagination: { currentPage: 1, pageSize: 200 },
    queryOptions: { enabled: isHospital },
    errorNotification: false,
  });
  const orderableRows = orderable?.data ?? [];

  const rows = (tableProps.dataSource ?? []) as RelationshipRow[];
  const selectedRows = rows.filter((r) => selected.includes(r.documentId));
  const batchAllows = (action: string) => selectedRows.length > 0 && selectedRows.every((r) => (r.actions as readonly string[]).includes(action));

  const perform = async (action: RelationshipTransition, ids: string[], reason?: string) => {
    try {
      await run({
        url: `/hospital-relationships/${action}`,
        values: { documentIds: ids, ...(reason ? { reason } : {}) },
        success: `${relationshipMachine.actionLabel(action, lang)}：${t('relationships.done')}`,
      });
      setSelected([]);
      return true;
    } catch {
      return false;
    }
  };

  /** Transitions needing a reason (or offering one) open the reason dialog; the others ask to confirm. */
  const start = (action: RelationshipTransition, ids: string[]) => {
    if (relationshipMachine.requiresReason(action) || action === 'requestRevoke') {
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
      onOk: () => perform(action, ids),
    });
  };
  const columns = useRelationshipColumns(role, start, setHistoryOf);
  const expandable = useDetailsExpandable<RelationshipRow>(useRelationshipDetails());

  const exportXlsx = async () => {
    try {
      await downloadFile('/api/hospital-relationships/export', filterQuery, `${t('relationships.title')}.xlsx`);
    } catch (e) {
      message.error((e as Error)?.message || t('relationships.failed'));
    }
  };

  const statusOptions = [
    ...(isHospital || isDistributor ? [{ value: todoStatuses, label: t('panel.todoFilter') }] : []),
    ...relationshipMachine.stateNames.map((s) => ({
      value: s,
      label: `${stateLabel('relationship', s, lang)}${counts?.byStatus[s] !== undefined ? ` (${counts.byStatus[s]})` : ''}`,
    })),
  ];

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
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
      {isDistributor && counts && (counts.pending > 0 || counts.revoking > 0) && (
        <Alert style={{ marginBottom: 16 }} type="warning" showIcon message={t('relationships.todo', { pending: counts.pending, revoking: counts.revoking })} />
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
            setCurrentPage(1);
          }}
        />
        <Input.Search
          aria-label={t('relationships.search')}
          placeholder={t('relationships.search')}
          allowClear
          style={{ width: 280 }}
          onSearch={(v) => {
            setQ(v);
            setCurrentPage(1);
          }}
        />
      </Space>

      {isDistributor && <RelationshipBulkToolbar count={selected.length} allows={batchAllows} busy={running} start={(a) => start(a, selected)} />}

      <Table<RelationshipRow>
        {...tableProps}
        rowKey="documentId"
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
        columns={columns}
        expandable={expandable}
        locale={emptyLocale(t('panel.empty.relationships'))}
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (n) => t('table.total', { n }) }}
        rowSelection={
          isDistributor
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({
                  disabled: !r.actions.some((a) => (BATCH_ACTIONS as readonly string[]).includes(a)),
                  'aria-label': r.hospitalName ?? '',
                }),
              }
            : undefined
        }
      />
      {rows.some((r) => r.daysLeft !== null) && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('relationships.terminatingNote')}
        </Typography.Paragraph>
      )}

      {reasonFor && (
        <RelationshipReasonModal
          request={reasonFor}
          busy={running}
          onSubmit={(reason) => perform(reasonFor.action, reasonFor.ids, reason)}
          onClose={() => setReasonFor(null)}
        />
      )}
      {requestOpen && <RelationshipRequestModal onClose={() => setRequestOpen(false)} />}
      <HistoryDrawer
        entity="hospital-relationship"
        machine="relationship"
        documentId={historyOf?.documentId}
        title={t('orders.titles.history')}
        onClose={() => setHistoryOf(null)}
      />
    </div>
  );
}
