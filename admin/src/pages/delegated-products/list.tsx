import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { emptyLocale } from '../../components/empty-hint';
import { useDetailsExpandable } from '../../components/row-details';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { categoryLabel, chinaDateTime, DELEGATION_LEVEL_LABELS, formatFen } from '@domain';
import { isLang } from '../../providers/i18n-provider';
import { downloadFile } from '../../components/api-helpers';
import { usePageQuery } from '../../hooks/use-page-query';
import { useProvinceOptions } from '../../hooks/use-province-options';

interface Row {
  documentId: string;
  productDocumentId: string;
  code: string;
  name: string;
  registrationNo: string;
  registrationValidTo: string | null;
  spec: string | null;
  model: string | null;
  unit: string | null;
  priceFen: number | null;
  category: string;
  manufacturerName: string | null;
  delegatorName: string | null;
  provinceName: string;
  level: number;
  acceptedAt: string | null;
}

/** 配送关系管理 › 配送产品目录: every product delegated to this distributor by accepted delegations. */
export function DelegatedProductList() {
  const t = useTranslate();
  const locale = useGetLocale()();
  const lang = isLang(locale) ? locale : 'zh-CN';
  const { message } = App.useApp();
  const provinces = useProvinceOptions();
  const [form] = Form.useForm<{ q?: string; provinceCode?: string }>();
  const [filters, setFilters] = useState<{ q?: string; provinceCode?: string }>({});
  const [exporting, setExporting] = useState(false);
  const query = useMemo(() => {
    const q: Record<string, string> = {};
    if (filters.q?.trim()) q.q = filters.q.trim();
    if (filters.provinceCode) q.provinceCode = filters.provinceCode;
    return q;
  }, [filters]);
  const { rows, loading, pagination } = usePageQuery<Row>('/api/delegated-products', query);

  const doExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/delegated-products/export', query, `${t('delegations.delegated.title')}.xlsx`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const expandable = useDetailsExpandable<Row>((r) => [
    { label: t('catalogue.col.category'), value: categoryLabel(r.category, lang) },
    { label: t('delegations.delegated.level'), value: DELEGATION_LEVEL_LABELS[r.level === 2 ? 2 : 1][lang === 'en-US' ? 'en' : 'zh'] },
    { label: t('delegations.delegated.delegator'), value: r.delegatorName },
    { label: t('delegations.delegated.acceptedAt'), value: chinaDateTime(r.acceptedAt) },
  ]);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('delegations.delegated.title')}
        </Typography.Title>
      }
    >
      <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={setFilters}>
        <Form.Item name="q" label={t('delegations.delegated.keyword')}>
          <Input allowClear placeholder={t('delegations.delegated.keywordPlaceholder')} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="provinceCode" label={t('delegations.delegated.province')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ width: 140 }} placeholder={t('catalogue.all')} options={provinces} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('catalogue.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
            }}
          >
            {t('catalogue.reset')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport}>
            {t('catalogue.export')}
          </Button>
        </Space>
      </Form>
      <Table<Row>
        rowKey="documentId"
        loading={loading}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
        pagination={pagination}
        locale={emptyLocale(t('panel.empty.delegatedProducts'))}
        // 分类, 级别, 委托方 and 接受时间 are in the row's 详情: the list fits a 1366×768 screen.
        expandable={expandable}
        columns={[
          { title: t('catalogue.col.code'), dataIndex: 'code', width: 110 },
          {
            title: t('catalogue.col.name'),
            dataIndex: 'name',
            width: 190,
            render: (v, r) => <Link to={`/catalogue/show/${r.productDocumentId}`}>{v}</Link>,
          },
          { title: t('catalogue.col.registrationNo'), dataIndex: 'registrationNo', width: 170 },
          { title: t('catalogue.col.specModel'), key: 'sm', width: 120, render: (_, r) => [r.spec, r.model].filter(Boolean).join(' / ') },
          { title: t('catalogue.col.price'), dataIndex: 'priceFen', align: 'right', width: 100, render: (v: number | null) => (v == null ? '' : formatFen(v)) },
          { title: t('catalogue.col.manufacturer'), dataIndex: 'manufacturerName', width: 152 },
          { title: t('delegations.delegated.province'), dataIndex: 'provinceName', width: 88 },
        ]}
      />
    </Card>
  );
}
