/**
 * 配送率排行: the province's distributors (all, for the platform admin) over a month range, worst
 * 配送率 first, then worst on-time rate (GET /api/oversight/league). Its own component so that the
 * bureau's 工作台 can show it too.
 */
import { useState } from 'react';
import { App, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { formatFen, type LeagueRow } from '@domain';
import { downloadFile } from './api-helpers';
import { emptyLocale } from './empty-hint';
import { monthQuery, OversightFilter, percent, type MonthFilters } from './oversight-filter';
import { usePageQuery } from '../hooks/use-page-query';

export function DeliveryLeague({ pageSize = 20, filters = true }: { pageSize?: number; filters?: boolean }) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const { message } = App.useApp();
  const [f, setF] = useState<MonthFilters>({});
  const { rows, loading, pagination } = usePageQuery<LeagueRow>('/api/oversight/league', monthQuery(f), { pageSize });
  const low = (v: number | null) => (v !== null && v < 0.9 ? <Typography.Text type="danger">{percent(v)}</Typography.Text> : percent(v));
  const columns: TableProps<LeagueRow>['columns'] = [
    { title: t('oversight.cols.rank'), dataIndex: 'rank', width: 60 },
    { title: t('oversight.cols.distributor'), dataIndex: 'distributorName', width: 220 },
    { title: t('oversight.cols.amountRate'), render: (_, r) => low(r.amountRate), width: 120 },
    { title: t('oversight.cols.qtyRate'), render: (_, r) => percent(r.qtyRate), width: 120 },
    { title: t('oversight.cols.onTimeRate'), render: (_, r) => low(r.onTimeRate), width: 120 },
    { title: t('oversight.cols.responseRate'), render: (_, r) => percent(r.responseRate), width: 100 },
    { title: t('oversight.cols.orderedFen'), render: (_, r) => formatFen(r.orderedFen), width: 130 },
    { title: t('oversight.cols.deliveredFen'), render: (_, r) => formatFen(r.deliveredFen), width: 130 },
  ];
  const exportLeague = (x: MonthFilters) =>
    downloadFile('/api/oversight/league/export', { ...monthQuery(x), lang }, `${t('oversight.tabs.league')}.xlsx`)
      .then(() => message.success(t('oversight.msg.exported')))
      .catch((e: Error) => message.error(e.message));
  return (
    <>
      {filters && <OversightFilter keywordLabel={t('oversight.filters.keyword')} onSearch={setF} onExport={exportLeague} />}
      <Typography.Paragraph type="secondary">{t('oversight.hints.league')}</Typography.Paragraph>
      <Table<LeagueRow>
        rowKey="distributorOrgId"
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={emptyLocale(t('oversight.hints.empty'))}
        pagination={pagination}
        aria-label={t('oversight.tabs.league')}
      />
    </>
  );
}
