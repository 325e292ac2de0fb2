/**
 * The order lines of one view, server-paged with filters: a row's buttons come from its `actions`
 * (rendered by the view), the history drawer from 历史, its deliveries and returns from 配送记录.
 */
import { useState, type ReactNode } from 'react';
import { Button, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { chinaDateTime, DELIVERY_MODE_LABELS, formatFen, LINE_TAB_STATUSES, orderLineMachine, type LineTab, type OverdueFilter, type Role } from '@domain';
import { JobProgress } from '../../components/job-progress';
import { useStartJob } from '../../hooks/use-start-job';
import { HistoryDrawer } from '../../components/history-drawer';
import { OverdueTag } from '../../components/overdue-tag';
import { StatusTag } from '../../components/status-tag';
import { usePageQuery } from '../../hooks/use-page-query';
import { FilterBar, filterQuery, filtersFromAddress, type LineFilters } from './filter-bar';
import { useSearchParams } from 'react-router';
import { LineDetails } from './line-details';
import { RowDetails } from '../../components/row-details';
import { emptyLocale } from '../../components/empty-hint';
import type { DeliveryRow, OrderLineRow } from './types';
import { CounterpartName } from '../../components/counterpart-contact';

export interface LineSelection {
  /** The action a row must offer to be ticked (e.g. `confirm` for 批量确认 / 批量拒绝). */
  action: string;
  selected: string[];
  onSelect: (ids: string[]) => void;
}

export function LinesTable({
  role,
  tab,
  renderActions,
  renderDeliveryActions,
  toolbar,
  selection,
  emptyHint,
  overdue,
}: {
  role: Role;
  tab: LineTab;
  /** Only the lines overdue (逾期未确认 / 逾期未配送 / either), as the server computes them now. */
  overdue?: OverdueFilter;
  renderActions?: (l: OrderLineRow) => ReactNode;
  renderDeliveryActions?: (d: DeliveryRow) => ReactNode;
  toolbar?: ReactNode;
  selection?: LineSelection;
  /** What the empty list says would fill it. */
  emptyHint?: string;
}) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const [params] = useSearchParams();
  const [initial] = useState<LineFilters>(() => filtersFromAddress(params));
  const [filters, setFilters] = useState<LineFilters>(initial);
  const [history, setHistory] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const { rows, loading, pagination } = usePageQuery<OrderLineRow>('/api/order-lines/search', {
    tab,
    ...(overdue ? { overdue } : {}),
    ...filterQuery(filters),
    sort: overdue ? 'orderedAt:asc' : 'orderedAt:desc',
  });

  const party = role === 'hospital' || role === 'distributor';
  const toggle = (id: string) => setExpanded((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));
  // Widths sum to what a 1366×768 screen leaves the table (about 1,060 px); the rest is in the row's details.
  const columns: TableProps<OrderLineRow>['columns'] = [
    { title: t('orders.cols.orderCode'), render: (_, l) => <span style={{ whiteSpace: 'nowrap' }}>{`${l.orderCode}-${l.lineNo}`}</span>, width: 172 },
    ...(role !== 'hospital'
      ? [
          {
            title: t('orders.cols.hospital'),
            dataIndex: 'hospitalName',
            width: 140,
            render: (v: string, r: OrderLineRow) => <CounterpartName orgId={r.hospitalOrgId} name={v} />,
          },
        ]
      : []),
    ...(role !== 'distributor'
      ? [
          {
            title: t('orders.cols.distributor'),
            dataIndex: 'distributorName',
            width: 140,
            render: (v: string, r: OrderLineRow) => <CounterpartName orgId={r.distributorOrgId} name={v} />,
          },
        ]
      : []),
    {
      title: t('orders.cols.product'),
      width: party ? 142 : 132,
      render: (_, l) => (
        <span>
          {l.productName}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.productCode} {l.spec}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('orders.cols.quantity'), dataIndex: 'quantity', width: 88 },
    { title: t('orders.cols.amount'), render: (_, l) => formatFen(l.amountFen), width: 95 },
    {
      title: t('orders.cols.status'),
      render: (_, l) => (
        <Space direction="vertical" size={2}>
          <StatusTag machine="orderLine" value={l.status} note={l.reason} />
          <OverdueTag value={l.overdue} />
        </Space>
      ),
      width: 110,
    },
    ...(party
      ? [
          {
            title: `${t('orders.cols.delivered')}/${t('orders.cols.received')}/${t('orders.cols.returned')}`,
            render: (_: unknown, l: OrderLineRow) => `${l.deliveredQty}/${l.receivedQty}/${l.returnedQty}`,
            width: 90,
          },
        ]
      : []),
    {
      title: t('orders.cols.actions'),
      fixed: 'right',
      width: role === 'distributor' ? 170 : 130,
      render: (_, l) => (
        <Space wrap size={4}>
          {renderActions?.(l)}
          <Button size="small" type="link" onClick={() => setHistory(l.documentId)} style={{ paddingInline: 4 }}>
            {t('orders.actions.history')}
          </Button>
          <Button size="small" type="link" aria-expanded={expanded.includes(l.documentId)} onClick={() => toggle(l.documentId)} style={{ paddingInline: 4 }}>
            {expanded.includes(l.documentId) ? t('panel.hide') : t('panel.details')}
          </Button>
        </Space>
      ),
    },
  ];
  const secondary = (l: OrderLineRow) => [
    { label: t('orders.cols.unitPrice'), value: formatFen(l.unitPriceFen) },
    { label: t('orders.cols.mode'), value: l.deliveryMode ? DELIVERY_MODE_LABELS[l.deliveryMode][lang === 'en-US' ? 'en' : 'zh'] : null },
    { label: t('orders.cols.orderedAt'), value: chinaDateTime(l.orderedAt) },
    { label: t('orders.cols.manufacturer'), value: l.manufacturerName },
    ...(party
      ? []
      : [
          {
            label: `${t('orders.cols.delivered')}/${t('orders.cols.received')}/${t('orders.cols.returned')}`,
            value: `${l.deliveredQty}/${l.receivedQty}/${l.returnedQty}`,
          },
        ]),
    ...(l.reason ? [{ label: t('orders.cols.reason'), value: l.reason }] : []),
  ];
  // 导出 runs as a background job (POST /api/order-lines/export-jobs): progress, 取消任务 and 下载文件 under the filters.
  const exportJob = useStartJob();
  const exportLines = (f: LineFilters) =>
    void exportJob.start('/api/order-lines/export-jobs', { tab, ...(overdue ? { overdue } : {}), ...filterQuery(f), lang });

  return (
    <>
      <FilterBar
        initial={initial}
        role={role}
        statuses={tab === 'all' ? orderLineMachine.stateNames : LINE_TAB_STATUSES[tab]}
        onSearch={setFilters}
        onExport={exportLines}
      />
      {exportJob.jobId && (
        <div style={{ marginBottom: 12, maxWidth: 480 }}>
          <JobProgress key={exportJob.jobId} id={exportJob.jobId} />
        </div>
      )}
      {toolbar}
      <Table<OrderLineRow>
        rowKey="documentId"
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
        rowSelection={
          selection
            ? {
                selectedRowKeys: selection.selected,
                onChange: (keys) => selection.onSelect(keys as string[]),
                getCheckboxProps: (l) => ({ disabled: !(l.actions as readonly string[] | undefined)?.includes(selection.action) }),
              }
            : undefined
        }
        locale={emptyHint ? emptyLocale(emptyHint) : undefined}
        expandable={{
          showExpandColumn: false,
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          expandedRowRender: (l) => (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <RowDetails items={secondary(l)} />
              {(l.deliveryCount > 0 || l.deliveredQty > 0 || l.returnedQty > 0 || l.returnPendingQty > 0) && (
                <LineDetails documentId={l.documentId} renderDeliveryActions={renderDeliveryActions} />
              )}
            </Space>
          ),
        }}
        pagination={pagination}
      />
      <HistoryDrawer entity="order-line" machine="orderLine" documentId={history} title={t('orders.titles.history')} onClose={() => setHistory(null)} />
    </>
  );
}
