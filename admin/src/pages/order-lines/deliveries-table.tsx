/** The deliveries (配送批次) of a line: batch, dates, invoice and both statuses; the buttons come from each row's actions. */
import { Space, Table } from 'antd';
import { useState } from 'react';
import { HistoryDrawer } from '../../components/history-drawer';
import { HistoryButton } from '../../components/history-button';
import { useTranslate } from '@refinedev/core';
import type { ReactNode } from 'react';
import { StatusTag } from '../../components/status-tag';
import type { DeliveryRow } from './types';

export const invoiceText = (d: Pick<DeliveryRow, 'invoiceCode' | 'invoiceNo'>) =>
  d.invoiceNo ? `${d.invoiceCode ? `${d.invoiceCode} ` : ''}${d.invoiceNo}` : '—';

export function DeliveriesTable({ rows, renderActions }: { rows: DeliveryRow[]; renderActions?: (d: DeliveryRow) => ReactNode }) {
  const t = useTranslate();
  const [history, setHistory] = useState<string | null>(null);
  return (
    <>
      <Table<DeliveryRow>
        size="small"
        rowKey="documentId"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('orders.cols.seq'), dataIndex: 'seq', width: 56 },
          { title: t('panel.cols.deliveredQty'), dataIndex: 'quantity', width: 80 },
          { title: t('orders.cols.batchNo'), dataIndex: 'batchNo', width: 130 },
          { title: t('orders.cols.productionDate'), dataIndex: 'productionDate', width: 105 },
          { title: t('orders.cols.expiryDate'), dataIndex: 'expiryDate', width: 105 },
          { title: t('orders.cols.invoice'), render: (_, d) => invoiceText(d), width: 180 },
          {
            title: t('orders.cols.invoiceStatus'),
            render: (_, d) => <StatusTag machine="invoice" value={d.invoiceStatus} note={d.invoiceReason} />,
            width: 105,
          },
          { title: t('orders.cols.deliveryStatus'), render: (_, d) => <StatusTag machine="delivery" value={d.status} />, width: 90 },
          {
            title: t('orders.cols.actions'),
            fixed: 'right' as const,
            width: 170,
            render: (_: unknown, d: DeliveryRow) => (
              <Space size={4} wrap>
                {renderActions?.(d)}
                <HistoryButton onClick={() => setHistory(d.documentId)} />
              </Space>
            ),
          },
        ]}
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
      />
      <HistoryDrawer entity="delivery" machine="delivery" documentId={history} title={t('orders.titles.history')} onClose={() => setHistory(null)} />
    </>
  );
}
