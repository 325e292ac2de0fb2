/** The filters of the 配送监管 views: a month range (下单月份) and a keyword; search, reset and export. */
import { Button, DatePicker, Form, Input, Space } from 'antd';
import { useTranslate } from '@refinedev/core';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';

export interface MonthFilters {
  q?: string;
  months?: [Dayjs, Dayjs] | null;
}

/** The filters as the oversight endpoints read them (`from`, `to` as YYYY-MM). */
export function monthQuery(f: MonthFilters) {
  return { q: f.q || undefined, from: f.months?.[0]?.format('YYYY-MM'), to: f.months?.[1]?.format('YYYY-MM') };
}

/** A rate 0..1 as a percentage with two decimals; '—' for none. */
export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(2)}%`);

export function OversightFilter({
  keywordLabel,
  onSearch,
  onExport,
  months = true,
  extra,
}: {
  keywordLabel: string;
  onSearch: (f: MonthFilters & Record<string, unknown>) => void;
  onExport?: (f: MonthFilters & Record<string, unknown>) => void;
  months?: boolean;
  extra?: ReactNode;
}) {
  const t = useTranslate();
  const [form] = Form.useForm<MonthFilters & Record<string, unknown>>();
  return (
    <Form form={form} layout="inline" onFinish={onSearch} style={{ marginBottom: 16, rowGap: 8 }}>
      {months && (
        <Form.Item name="months" label={t('oversight.filters.months')}>
          <DatePicker.RangePicker picker="month" />
        </Form.Item>
      )}
      {extra}
      <Form.Item name="q" label={keywordLabel}>
        <Input allowClear style={{ width: 180 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('oversight.filters.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('oversight.filters.reset')}
        </Button>
        {onExport && <Button onClick={() => onExport(form.getFieldsValue())}>{t('oversight.filters.export')}</Button>}
      </Space>
    </Form>
  );
}
