/**
 * A server-paged list of deliveries (配送批次) with their lines: the hospital's 待收货 and 待查验, the
 * distributor's 撤回修改. Search and export follow the filter; the buttons are each row's `actions`.
 */
import { useState, type ReactNode } from 'react';
import { Space, Table } from 'antd';
import { useTranslate } from '@refinedev/core';
import { chinaDateTime, type Role } from '@domain';
import { StatusTag } from '../../components/status-tag';
import { HistoryButton } from '../../components/history-button';
import { HistoryDrawer } from '../../components/history-drawer';
import { emptyLocale } from '../../components/empty-hint';
import { useDetailsExpandable } from '../../components/row-details';
import { usePageQuery } from '../../hooks/use-page-query';
import type { QueryObject } from '../../providers/strapi-query';
import { invoiceText } from './deliveries-table';
import { ListSearch } from './list-search';
import type { DeliveryRow } from './types';

export function DeliveryList({
  role,
  filter,
  renderActions,
  emptyHint,
  fileName,
}: {
  role: Role;
  filter: QueryObject;
  renderActions?: (d: DeliveryRow) => ReactNode;
  emptyHint: string;
  fileName: string;
}) {
  const t = useTranslate();
  const [q, setQ] = useState('');
  const [history, setHistory] = useState<string | null>(null);
  const query = { ...filter, ...(q ? { q } : {}) };
  const { rows, loading, pagination } = usePageQuery<DeliveryRow>('/api/order-deliveries', query);
  const expandable = useDetailsExpandable<DeliveryRow>((d) => [
    { label: t('orders.cols.seq'), value: d.seq },
    { label: t('orders.cols.productionDate'), value: d.productionDate },
    { label: t('orders.cols.expiryDate'), value: d.expiryDate },
    { label: t('orders.cols.invoice'), value: invoiceText(d) },
    { label: t('panel.cols.deliveredAt'), value: chinaDateTime(d.deliveredAt) },
    { label: t('panel.cols.receivedAt'), value: chinaDateTime(d.receivedAt) },
    { label: role === 'hospital' ? t('orders.cols.distributor') : t('orders.cols.hospital'), value: role === 'hospital' ? d.distributorName : d.hospitalName },
  ]);
  return (
    <>
      <ListSearch placeholder={t('orders.filters.keyword')} onSearch={setQ} exportUrl="/api/order-deliveries/export" exportQuery={query} fileName={fileName} />
      <Table<DeliveryRow>
        rowKey="documentId"
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={pagination}
        locale={emptyLocale(emptyHint)}
        expandable={expandable}
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
        columns={[
          { title: t('orders.cols.orderCode'), width: 165, render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{`${d.orderCode}-${d.lineNo}`}</span> },
          {
            title: role === 'hospital' ? t('orders.cols.distributor') : t('orders.cols.hospital'),
            width: 140,
            render: (_, d) => (role === 'hospital' ? d.distributorName : d.hospitalName),
          },
          { title: t('orders.cols.product'), dataIndex: 'productName', width: 125 },
          { title: t('panel.cols.deliveredQty'), dataIndex: 'quantity', width: 80 },
          { title: t('orders.cols.batchNo'), dataIndex: 'batchNo', width: 100 },
          {
            title: t('orders.cols.invoiceStatus'),
            width: 105,
            render: (_, d) => <StatusTag machine="invoice" value={d.invoiceStatus} note={d.invoiceReason} />,
          },
          { title: t('orders.cols.deliveryStatus'), width: 90, render: (_, d) => <StatusTag machine="delivery" value={d.status} /> },
          {
            title: t('orders.cols.actions'),
            fixed: 'right',
            width: 150,
            render: (_, d) => (
              <Space size={4} wrap>
                {renderActions?.(d)}
                <HistoryButton onClick={() => setHistory(d.documentId)} />
              </Space>
            ),
          },
        ]}
      />
      <HistoryDrawer entity="delivery" machine="delivery" documentId={history} title={t('orders.titles.history')} onClose={() => setHistory(null)} />
    </>
  );
}
