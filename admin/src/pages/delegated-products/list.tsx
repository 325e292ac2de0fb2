import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { categoryLabel, DELEGATION_LEVEL_LABELS } from '@domain';
import { isLang } from '../../providers/i18n-provider';
import { chinaDateTime, downloadFile, usePaged, yuan } from '../../components/api-helpers';
import { useDelegationOptions } from '../../hooks/use-delegation-options';

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
  const { provinces } = useDelegationOptions();
  const [form] = Form.useForm<{ q?: string; provinceCode?: string }>();
  const [filters, setFilters] = useState<{ q?: string; provinceCode?: string }>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [exporting, setExporting] = useState(false);
  const query = useMemo(() => {
    const q: Record<string, string> = {};
    if (filters.q?.trim()) q.q = filters.q.trim();
    if (filters.provinceCode) q.provinceCode = filters.provinceCode;
    return q;
  }, [filters]);
  const { rows, total, loading } = usePaged<Row>('/api/delegated-products', query, page, pageSize);

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

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('delegations.delegated.title')}
        </Typography.Title>
      }
    >
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v) => {
          setFilters(v);
          setPage(1);
        }}
      >
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
              setPage(1);
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
        scroll={{ x: 1200 }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('catalogue.col.code'), dataIndex: 'code' },
          { title: t('catalogue.col.name'), dataIndex: 'name', render: (v, r) => <Link to={`/catalogue/show/${r.productDocumentId}`}>{v}</Link> },
          { title: t('catalogue.col.registrationNo'), dataIndex: 'registrationNo' },
          { title: t('catalogue.col.specModel'), key: 'sm', render: (_, r) => [r.spec, r.model].filter(Boolean).join(' / ') },
          { title: t('catalogue.col.price'), dataIndex: 'priceFen', align: 'right', render: (v) => yuan(v) },
          { title: t('catalogue.col.category'), dataIndex: 'category', render: (v) => categoryLabel(v, lang) },
          { title: t('catalogue.col.manufacturer'), dataIndex: 'manufacturerName' },
          { title: t('delegations.delegated.province'), dataIndex: 'provinceName' },
          {
            title: t('delegations.delegated.level'),
            dataIndex: 'level',
            render: (v: number) => DELEGATION_LEVEL_LABELS[v === 2 ? 2 : 1][lang === 'en-US' ? 'en' : 'zh'],
          },
          { title: t('delegations.delegated.delegator'), dataIndex: 'delegatorName' },
          { title: t('delegations.delegated.acceptedAt'), dataIndex: 'acceptedAt', render: (v) => chinaDateTime(v) },
        ]}
      />
    </Card>
  );
}
