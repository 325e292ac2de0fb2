/** Return requests (退货): of one line, or the caller's list with their lines; the buttons come from each row's actions. */
import { useState, type ReactNode } from 'react';
import { Space, Table, type TablePaginationConfig } from 'antd';
import { useTranslate } from '@refinedev/core';
import { chinaDateTime } from '@domain';
import { StatusTag } from '../../components/status-tag';
import { HistoryButton } from '../../components/history-button';
import { HistoryDrawer } from '../../components/history-drawer';
import { emptyLocale } from '../../components/empty-hint';
import type { ReturnRow } from './types';

export function ReturnsTable({
  rows,
  renderActions,
  loading,
  pagination = false,
  emptyHint,
  withLine = rows.some((r) => r.orderCode),
}: {
  rows: ReturnRow[];
  renderActions?: (r: ReturnRow) => ReactNode;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  emptyHint?: string;
  /** Show the line's order code, product and hospital (the lists; not the rows under one line). */
  withLine?: boolean;
}) {
  const t = useTranslate();
  const [history, setHistory] = useState<string | null>(null);
  return (
    <>
      <Table<ReturnRow>
        size="small"
        rowKey="documentId"
        loading={loading}
        pagination={pagination}
        dataSource={rows}
        locale={emptyHint ? emptyLocale(emptyHint) : undefined}
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
        columns={[
          ...(withLine
            ? [
                {
                  title: t('orders.cols.orderCode'),
                  width: 165,
                  render: (_: unknown, r: ReturnRow) => <span style={{ whiteSpace: 'nowrap' }}>{`${r.orderCode}-${r.lineNo}`}</span>,
                },
                { title: t('orders.cols.product'), dataIndex: 'productName', width: 125 },
                { title: t('orders.cols.hospital'), dataIndex: 'hospitalName', width: 130 },
              ]
            : []),
          { title: t('orders.cols.returnQty'), dataIndex: 'quantity', width: 88 },
          { title: t('orders.cols.returnReason'), dataIndex: 'reason', width: 82 },
          { title: t('orders.cols.requestedAt'), render: (_: unknown, r: ReturnRow) => chinaDateTime(r.createdAt), width: 145 },
          {
            title: t('orders.cols.answer'),
            render: (_: unknown, r: ReturnRow) => <StatusTag machine="return" value={r.status} note={r.refuseReason} />,
            width: 110,
          },
          {
            title: t('orders.cols.actions'),
            fixed: 'right' as const,
            width: renderActions ? 170 : 80,
            render: (_: unknown, r: ReturnRow) => (
              <Space size={4} wrap>
                {renderActions?.(r)}
                <HistoryButton onClick={() => setHistory(r.documentId)} />
              </Space>
            ),
          },
        ]}
      />
      <HistoryDrawer entity="return-request" machine="return" documentId={history} title={t('orders.titles.history')} onClose={() => setHistory(null)} />
    </>
  );
}
