/**
 * One 统计查询 view (按产品查询 / 按配送企业 / 按医疗机构): filters, charts, the server-sorted and
 * server-paged table with its totals row, export of exactly what is filtered, and a link from each
 * row to the order lines behind it.
 */
import { useState } from 'react';
import { App, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { Link } from 'react-router';
import { formatFen, type Role, type StatRow, type StatView } from '@domain';
import { downloadFile } from '../../components/api-helpers';
import { usePageQuery } from '../../hooks/use-page-query';
import { StatFilterBar, statQuery, type StatFilterValues } from './filter-bar';
import { StatCharts } from './stat-charts';

const COUNTERPART: Record<StatView, string> = { 'by-product': 'productId', 'by-distributor': 'distributorOrgId', 'by-hospital': 'hospitalOrgId' };
const FIGURES = [
  'lines',
  'orderedQty',
  'orderedFen',
  'deliveredQty',
  'deliveredFen',
  'rateByQty',
  'rateByAmount',
  'receivedQty',
  'returnedQty',
  'returnedFen',
  'terminatedLines',
] as const;
type Figure = (typeof FIGURES)[number];

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
function cell(field: Figure, r: StatRow | undefined): string {
  if (!r) return '';
  if (field === 'rateByQty' || field === 'rateByAmount') return pct(r[field]);
  if (field.endsWith('Fen')) return formatFen(r[field], { grouping: true });
  return String(r[field]);
}

/** The order lines of a row: its key as the list's filter, with the same 下单日期. */
export function linesLink(view: StatView, key: number, q: ReturnType<typeof statQuery>, role: Role) {
  const p = new URLSearchParams({ [COUNTERPART[view]]: String(key), from: q.from, to: q.to });
  for (const k of ['distributorOrgId', 'hospitalOrgId'] as const) if (q[k]) p.set(k, String(q[k]));
  if (role === 'distributor') p.set('tab', 'delivered');
  return `/order-lines?${p.toString()}`;
}

export function StatViewTable({ view, role }: { view: StatView; role: Role }) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const { message } = App.useApp();
  const [filters, setFilters] = useState<StatFilterValues>({});
  const [sort, setSort] = useState('orderedFen:desc');
  const query = statQuery(filters);
  const { rows, loading, pagination, meta } = usePageQuery<StatRow>(`/api/statistics/${view}`, { ...query, sort });
  const totals = (meta as { totals?: StatRow } | undefined)?.totals;
  const [sortField, sortDir] = sort.split(':') as [string, 'asc' | 'desc'];

  const columns: TableProps<StatRow>['columns'] = [
    {
      title: t(`statistics.cols.${view}`),
      dataIndex: 'name',
      fixed: 'left',
      width: 220,
      render: (v: string, r) => (
        <span>
          {v}
          {r.code ? <Typography.Text type="secondary">{` ${r.code}`}</Typography.Text> : null}
        </span>
      ),
    },
    ...FIGURES.map((f) => ({
      title: t(`statistics.cols.${f}`),
      key: f,
      align: 'right' as const,
      width: f.startsWith('rate') ? 110 : 100,
      sorter: true,
      sortOrder: sortField === f ? (sortDir === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
      render: (_: unknown, r: StatRow) => cell(f, r),
    })),
    {
      title: t('statistics.cols.lines_link'),
      key: 'link',
      fixed: 'right',
      width: 90,
      render: (_, r) => <Link to={linesLink(view, r.key, query, role)}>{t('statistics.cols.lines_link')}</Link>,
    },
  ];

  const exportView = (f: StatFilterValues) =>
    downloadFile(`/api/statistics/${view}/export`, { ...statQuery(f), sort, lang }, `${t('statistics.title')}-${t(`statistics.tabs.${view}`)}.xlsx`).catch(
      (e: Error) => message.error(e.message),
    );

  return (
    <>
      <StatFilterBar role={role} view={view} onSearch={setFilters} onExport={exportView} />
      <StatCharts view={view} query={query} />
      <Table<StatRow>
        rowKey="key"
        size="small"
        bordered
        loading={loading}
        dataSource={rows}
        columns={columns}
        pagination={pagination}
        scroll={{ x: 1400 }}
        locale={{ emptyText: t('statistics.empty') }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort(s?.order && s.columnKey ? `${String(s.columnKey)}:${s.order === 'ascend' ? 'asc' : 'desc'}` : 'orderedFen:desc');
        }}
        summary={() =>
          totals ? (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('statistics.total')}</strong>
                </Table.Summary.Cell>
                {FIGURES.map((f, i) => (
                  <Table.Summary.Cell key={f} index={i + 1} align="right">
                    <strong>{cell(f, totals)}</strong>
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={FIGURES.length + 1} />
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </>
  );
}
