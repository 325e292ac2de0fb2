/** The filters of an order-line view: keyword, hospital (not for a hospital), status of the view, order dates; search, reset, export. */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { useGetLocale, useList, useTranslate } from '@refinedev/core';
import dayjs, { type Dayjs } from 'dayjs';
import { orderLineMachine, type Role } from '@domain';
import { useDebouncedSearch } from '../../hooks/use-debounced-search';

export interface LineFilters {
  q?: string;
  status?: string;
  hospitalOrgId?: number;
  range?: [Dayjs, Dayjs] | null;
  /** From a 统计查询 row (the address): the product and distributor behind it. */
  productId?: number;
  distributorOrgId?: number;
}

/** The filters a 统计查询 row passes in the address (`/order-lines?productId=…&from=…&to=…`). */
export function filtersFromAddress(params: URLSearchParams): LineFilters {
  const id = (k: string) => (/^\d+$/.test(params.get(k) ?? '') ? Number(params.get(k)) : undefined);
  const from = params.get('from');
  const to = params.get('to');
  return {
    productId: id('productId'),
    distributorOrgId: id('distributorOrgId'),
    hospitalOrgId: id('hospitalOrgId'),
    range: from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) ? [dayjs(from), dayjs(to)] : undefined,
  };
}

/** The filters as the search and export endpoints read them. */
export function filterQuery(f: LineFilters) {
  return {
    q: f.q || undefined,
    status: f.status || undefined,
    hospitalOrgId: f.hospitalOrgId || undefined,
    productId: f.productId || undefined,
    distributorOrgId: f.distributorOrgId || undefined,
    from: f.range?.[0]?.format('YYYY-MM-DD'),
    to: f.range?.[1]?.format('YYYY-MM-DD'),
  };
}

export function FilterBar({
  role,
  statuses,
  onSearch,
  onExport,
  initial,
}: {
  role: Role;
  statuses: readonly string[];
  /** The filters the page opened with (a 统计查询 row's). */
  initial?: LineFilters;
  onSearch: (f: LineFilters) => void;
  onExport?: (f: LineFilters) => void;
}) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const [form] = Form.useForm<LineFilters>();
  const pickHospital = role !== 'hospital';
  // 医疗机构: searched on the server by name as one types (a page of 50 matches; no cap on what can be found).
  const search = useDebouncedSearch();
  const { result, query } = useList<{ id: string; numericId: number; name: string }>({
    resource: 'organisations',
    filters: [{ field: 'type', operator: 'eq', value: 'hospital' }, ...(search.q ? [{ field: 'name', operator: 'contains' as const, value: search.q }] : [])],
    sorters: [{ field: 'name', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 50 },
    meta: { fields: ['name'] },
    queryOptions: { enabled: pickHospital },
    errorNotification: false,
  });
  const [chosen, setChosen] = useState<{ value: number; label: string } | null>(null);
  const found = (result?.data ?? []).map((o) => ({ value: o.numericId, label: o.name }));
  // The chosen hospital keeps its name while another search shows other matches.
  const hospitals = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={initial}
      onFinish={(v) => onSearch({ ...v, productId: initial?.productId, distributorOrgId: initial?.distributorOrgId })}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item name="q" label={t('orders.filters.keyword')}>
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      {pickHospital && (
        <Form.Item name="hospitalOrgId" label={t('orders.filters.hospital')}>
          <Select
            allowClear
            showSearch
            filterOption={false}
            onSearch={search.onSearch}
            onClear={() => search.onSearch('')}
            onChange={(v: number | undefined, o) => setChosen(v === undefined ? null : { value: v, label: String((o as { label?: unknown })?.label ?? v) })}
            loading={query.isFetching}
            placeholder={t('orders.filters.hospitalSearch')}
            options={hospitals}
            style={{ width: 200 }}
          />
        </Form.Item>
      )}
      <Form.Item name="status" label={t('orders.filters.status')}>
        <Select allowClear style={{ width: 140 }} options={statuses.map((s) => ({ value: s, label: orderLineMachine.label(s, lang) }))} />
      </Form.Item>
      <Form.Item name="range" label={t('orders.filters.dateRange')}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('orders.filters.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('orders.filters.reset')}
        </Button>
        {onExport && <Button onClick={() => onExport(form.getFieldsValue())}>{t('orders.actions.export')}</Button>}
      </Space>
    </Form>
  );
}
