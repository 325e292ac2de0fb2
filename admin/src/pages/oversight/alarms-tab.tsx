/** 预警: distributors below 90 % for 3 consecutive months, with the months and figures behind each alarm. */
import { useState } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslate } from '@refinedev/core';
import { formatFen, type AlarmRow } from '@domain';
import { emptyLocale } from '../../components/empty-hint';
import { monthQuery, OversightFilter, percent, type MonthFilters } from '../../components/oversight-filter';
import { usePageQuery } from '../../hooks/use-page-query';

export function AlarmsTab() {
  const t = useTranslate();
  const [f, setF] = useState<MonthFilters>({});
  const { rows, loading, pagination } = usePageQuery<AlarmRow>('/api/oversight/alarms', monthQuery(f));
  const columns: TableProps<AlarmRow>['columns'] = [
    { title: t('oversight.cols.distributor'), dataIndex: 'distributorName', width: 220 },
    {
      title: t('oversight.cols.months'),
      width: 560,
      render: (_, r) => (
        <span>
          {r.months.map((m) => (
            <Tag key={m.month} color="red" style={{ marginBottom: 4 }}>
              {`${m.month}：${percent(m.amountRate)}（${formatFen(m.deliveredFen)} / ${formatFen(m.orderedFen)}）`}
            </Tag>
          ))}
        </span>
      ),
    },
    { title: t('oversight.cols.lowestRate'), render: (_, r) => percent(r.lowestRate), width: 120 },
  ];
  return (
    <>
      <OversightFilter keywordLabel={t('oversight.filters.keyword')} onSearch={setF} />
      <Typography.Paragraph type="secondary">{t('oversight.hints.alarms')}</Typography.Paragraph>
      <Table<AlarmRow>
        rowKey="distributorOrgId"
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={emptyLocale(t('oversight.hints.noAlarm'))}
        pagination={pagination}
        aria-label={t('oversight.tabs.alarms')}
      />
    </>
  );
}
