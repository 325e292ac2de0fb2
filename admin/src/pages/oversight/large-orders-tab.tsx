/** 大额低到货: orders above an amount whose 配送率 is still below a rate K days after ordering. */
import { useState } from 'react';
import { App, Form, InputNumber, Table } from 'antd';
import type { TableProps } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { chinaDateTime, formatFen, LARGE_ORDER_PARAMS as P, type LargeOrderRow } from '@domain';
import { downloadFile } from '../../components/api-helpers';
import { emptyLocale } from '../../components/empty-hint';
import { OversightFilter, percent } from '../../components/oversight-filter';
import { usePageQuery } from '../../hooks/use-page-query';

interface Params {
  q?: string;
  minAmount?: number;
  maxRate?: number;
  days?: number;
}
const query = (f: Params) => ({ q: f.q || undefined, minAmount: f.minAmount ?? undefined, maxRate: f.maxRate ?? undefined, days: f.days ?? undefined });

export function LargeOrdersTab() {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const { message } = App.useApp();
  const [f, setF] = useState<Params>({});
  const { rows, loading, pagination } = usePageQuery<LargeOrderRow>('/api/oversight/large-orders', query(f));
  const columns: TableProps<LargeOrderRow>['columns'] = [
    { title: t('oversight.cols.orderCode'), dataIndex: 'orderCode', width: 180 },
    { title: t('oversight.cols.hospital'), dataIndex: 'hospitalName', width: 170 },
    { title: t('oversight.cols.distributor'), dataIndex: 'distributorName', width: 170 },
    { title: t('oversight.cols.orderedAt'), render: (_, r) => chinaDateTime(r.orderedAt), width: 160 },
    { title: t('oversight.cols.orderedFen'), render: (_, r) => formatFen(r.orderedFen), width: 130 },
    { title: t('oversight.cols.deliveredFen'), render: (_, r) => formatFen(r.deliveredFen), width: 130 },
    { title: t('oversight.cols.amountRate'), render: (_, r) => percent(r.amountRate), width: 110 },
  ];
  const exportRows = (x: Params) =>
    downloadFile('/api/oversight/large-orders/export', { ...query(x), lang }, `${t('oversight.tabs.largeOrders')}.xlsx`)
      .then(() => message.success(t('oversight.msg.exported')))
      .catch((e: Error) => message.error(e.message));
  const bound = (spec: { min: number; max: number; default: number }) => ({ min: spec.min, max: spec.max, placeholder: String(spec.default) });
  return (
    <>
      <OversightFilter
        months={false}
        keywordLabel={t('oversight.filters.orderKeyword')}
        onSearch={(x) => setF(x as Params)}
        onExport={(x) => exportRows(x as Params)}
        extra={
          <>
            <Form.Item name="minAmount" label={t('oversight.filters.minAmount')}>
              <InputNumber {...bound(P.minAmountYuan)} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="maxRate" label={t('oversight.filters.maxRate')}>
              <InputNumber {...bound(P.maxRatePercent)} style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name="days" label={t('oversight.filters.days')}>
              <InputNumber {...bound(P.afterDays)} precision={0} style={{ width: 90 }} />
            </Form.Item>
          </>
        }
      />
      <Table<LargeOrderRow>
        rowKey={(r) => `${r.orderId}-${r.distributorOrgId}`}
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={emptyLocale(t('oversight.hints.empty'))}
        pagination={pagination}
        aria-label={t('oversight.tabs.largeOrders')}
      />
    </>
  );
}
