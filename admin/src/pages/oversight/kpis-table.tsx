/** 我的履约 (the distributor) / 履约指标: KPIs per distributor and month (GET /api/oversight/kpis). */
import { useState } from 'react';
import { App, Table } from 'antd';
import type { TableProps } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { formatFen, type KpiRow } from '@domain';
import { downloadFile } from '../../components/api-helpers';
import { emptyLocale } from '../../components/empty-hint';
import { monthQuery, OversightFilter, percent, type MonthFilters } from '../../components/oversight-filter';
import { usePageQuery } from '../../hooks/use-page-query';

export function KpisTable({ own }: { own: boolean }) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const { message } = App.useApp();
  const [f, setF] = useState<MonthFilters>({});
  const { rows, loading, pagination } = usePageQuery<KpiRow>('/api/oversight/kpis', monthQuery(f));
  const columns: TableProps<KpiRow>['columns'] = [
    { title: t('oversight.cols.month'), dataIndex: 'month', width: 90 },
    ...(own ? [] : [{ title: t('oversight.cols.distributor'), dataIndex: 'distributorName', width: 200 }]),
    { title: t('oversight.cols.lines'), dataIndex: 'lines', width: 80 },
    { title: t('oversight.cols.responseRate'), render: (_, r) => percent(r.responseRate), width: 100 },
    { title: t('oversight.cols.onTimeRate'), render: (_, r) => percent(r.onTimeRate), width: 120 },
    { title: t('oversight.cols.amountRate'), render: (_, r) => percent(r.amountRate), width: 120 },
    { title: t('oversight.cols.qtyRate'), render: (_, r) => percent(r.qtyRate), width: 120 },
    { title: t('oversight.cols.orderedFen'), render: (_, r) => formatFen(r.orderedFen), width: 130 },
    { title: t('oversight.cols.deliveredFen'), render: (_, r) => formatFen(r.deliveredFen), width: 130 },
  ];
  const exportRows = (x: MonthFilters) =>
    downloadFile('/api/oversight/kpis/export', { ...monthQuery(x), lang }, `${t('oversight.myTitle')}.xlsx`)
      .then(() => message.success(t('oversight.msg.exported')))
      .catch((e: Error) => message.error(e.message));
  return (
    <>
      <OversightFilter keywordLabel={t('oversight.filters.keyword')} onSearch={setF} onExport={exportRows} />
      <Table<KpiRow>
        rowKey={(r) => `${r.distributorOrgId}-${r.month}`}
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={emptyLocale(t('oversight.hints.empty'))}
        pagination={pagination}
        aria-label={t('oversight.myTitle')}
      />
    </>
  );
}
