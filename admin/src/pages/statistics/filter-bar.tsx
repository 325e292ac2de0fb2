/** The filters of a 统计查询 view: 下单日期 (this month by default), province, category, flags, counterpart; search, reset, export. */
import { Button, DatePicker, Form, Select, Space } from 'antd';
import { useGetLocale, useList, useTranslate } from '@refinedev/core';
import dayjs, { type Dayjs } from 'dayjs';
import { categoryLabel, PRODUCT_CATEGORIES, type Role, type StatView } from '@domain';
import { useProvinceOptions } from '../../hooks/use-province-options';

export interface StatFilterValues {
  range?: [Dayjs, Dayjs] | null;
  provinceCode?: string;
  category?: string;
  vbp?: string;
  keyMonitored?: string;
  distributorOrgId?: number;
  hospitalOrgId?: number;
}

/** This month in China time, the server's default. */
export const thisMonth = (): [Dayjs, Dayjs] => {
  const today = dayjs(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  return [today.startOf('month'), today];
};

/** The filters as the statistics endpoints read them. */
export function statQuery(f: StatFilterValues) {
  const range = f.range ?? thisMonth();
  return {
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
    provinceCode: f.provinceCode || undefined,
    category: f.category || undefined,
    vbp: f.vbp || undefined,
    keyMonitored: f.keyMonitored || undefined,
    distributorOrgId: f.distributorOrgId || undefined,
    hospitalOrgId: f.hospitalOrgId || undefined,
  };
}

function useOrgOptions(type: 'hospital' | 'distributor', enabled: boolean) {
  const { result } = useList<{ id: string; numericId: number; name: string }>({
    resource: 'organisations',
    filters: [{ field: 'type', operator: 'eq', value: type }],
    pagination: { currentPage: 1, pageSize: 200 },
    meta: { fields: ['name'] },
    queryOptions: { enabled },
    errorNotification: false,
  });
  return (result?.data ?? []).map((o) => ({ value: o.numericId, label: o.name }));
}

export function StatFilterBar({
  role,
  view,
  onSearch,
  onExport,
}: {
  role: Role;
  view: StatView;
  onSearch: (f: StatFilterValues) => void;
  onExport: (f: StatFilterValues) => void;
}) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const [form] = Form.useForm<StatFilterValues>();
  const provinces = useProvinceOptions();
  const pickDistributor = role !== 'distributor' && view !== 'by-distributor';
  const pickHospital = role !== 'hospital' && view !== 'by-hospital';
  const distributors = useOrgOptions('distributor', pickDistributor);
  const hospitals = useOrgOptions('hospital', pickHospital);
  const yesNo = [
    { value: 'true', label: t('statistics.filters.yes') },
    { value: 'false', label: t('statistics.filters.no') },
  ];
  return (
    <Form form={form} layout="inline" initialValues={{ range: thisMonth() }} onFinish={onSearch} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="range" label={t('statistics.filters.range')}>
        <DatePicker.RangePicker allowClear={false} />
      </Form.Item>
      {role === 'platform_admin' && (
        <Form.Item name="provinceCode" label={t('statistics.filters.province')}>
          <Select allowClear showSearch optionFilterProp="label" options={provinces} style={{ width: 140 }} />
        </Form.Item>
      )}
      <Form.Item name="category" label={t('statistics.filters.category')}>
        <Select allowClear options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="vbp" label={t('statistics.filters.vbp')}>
        <Select allowClear options={yesNo} style={{ width: 80 }} />
      </Form.Item>
      <Form.Item name="keyMonitored" label={t('statistics.filters.keyMonitored')}>
        <Select allowClear options={yesNo} style={{ width: 80 }} />
      </Form.Item>
      {pickDistributor && (
        <Form.Item name="distributorOrgId" label={t('statistics.filters.distributor')}>
          <Select allowClear showSearch optionFilterProp="label" options={distributors} style={{ width: 180 }} />
        </Form.Item>
      )}
      {pickHospital && (
        <Form.Item name="hospitalOrgId" label={t('statistics.filters.hospital')}>
          <Select allowClear showSearch optionFilterProp="label" options={hospitals} style={{ width: 180 }} />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit">
          {t('statistics.filters.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('statistics.filters.reset')}
        </Button>
        <Button onClick={() => onExport(form.getFieldsValue())}>{t('statistics.filters.export')}</Button>
      </Space>
    </Form>
  );
}
