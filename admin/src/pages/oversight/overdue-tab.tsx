/** 逾期最久: the overdue lines (逾期未确认 / 逾期未配送) that started longest ago, with the deadline missed. */
import { useState } from 'react';
import { App, Form, Select, Table } from 'antd';
import type { TableProps } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { chinaDateTime, OVERDUE_KINDS, OVERDUE_LABELS, type OverdueLineRow } from '@domain';
import { downloadFile } from '../../components/api-helpers';
import { emptyLocale } from '../../components/empty-hint';
import { OverdueTag } from '../../components/overdue-tag';
import { OversightFilter } from '../../components/oversight-filter';
import { StatusTag } from '../../components/status-tag';
import { usePageQuery } from '../../hooks/use-page-query';

interface Params {
  q?: string;
  kind?: string;
}

export function OverdueTab() {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const { message } = App.useApp();
  const [f, setF] = useState<Params>({});
  const q = { q: f.q || undefined, kind: f.kind || undefined };
  const { rows, loading, pagination } = usePageQuery<OverdueLineRow>('/api/oversight/overdue', q);
  const columns: TableProps<OverdueLineRow>['columns'] = [
    { title: t('oversight.cols.orderCode'), render: (_, l) => `${l.orderCode}-${l.lineNo}`, width: 180 },
    { title: t('oversight.cols.hospital'), dataIndex: 'hospitalName', width: 150 },
    { title: t('oversight.cols.distributor'), dataIndex: 'distributorName', width: 150 },
    { title: t('oversight.cols.product'), dataIndex: 'productName', width: 160 },
    {
      title: t('oversight.cols.status'),
      render: (_, l) => (
        <>
          <StatusTag machine="orderLine" value={l.status} />
          <OverdueTag value={l.overdue} />
        </>
      ),
      width: 190,
    },
    { title: t('oversight.cols.deadline'), render: (_, l) => chinaDateTime(l.deadline), width: 160 },
    { title: t('oversight.cols.daysOverdue'), dataIndex: 'daysOverdue', width: 90 },
  ];
  const exportRows = (x: Params) =>
    downloadFile('/api/oversight/overdue/export', { q: x.q || undefined, kind: x.kind || undefined, lang }, `${t('oversight.tabs.overdue')}.xlsx`)
      .then(() => message.success(t('oversight.msg.exported')))
      .catch((e: Error) => message.error(e.message));
  const kinds = [
    { value: 'any', label: t('oversight.filters.any') },
    ...OVERDUE_KINDS.map((k) => ({ value: k, label: OVERDUE_LABELS[k][lang === 'en-US' ? 'en' : 'zh'] })),
  ];
  return (
    <>
      <OversightFilter
        months={false}
        keywordLabel={t('oversight.filters.orderKeyword')}
        onSearch={(x) => setF(x as Params)}
        onExport={(x) => exportRows(x as Params)}
        extra={
          <Form.Item name="kind" label={t('oversight.filters.kind')}>
            <Select allowClear options={kinds} style={{ width: 140 }} />
          </Form.Item>
        }
      />
      <Table<OverdueLineRow>
        rowKey="documentId"
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={emptyLocale(t('oversight.hints.empty'))}
        pagination={pagination}
        aria-label={t('oversight.tabs.overdue')}
      />
    </>
  );
}
