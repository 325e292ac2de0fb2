import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useGetIdentity, useGetLocale, useTranslate } from '@refinedev/core';
import { App, Badge, Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, FlagFilled, SendOutlined } from '@ant-design/icons';
import { CERT_LIGHT_NAMES, CERT_LIGHTS, categoryLabel, formatFen, PRODUCT_CATEGORIES, type CatalogueRow } from '@domain';
import type { Me } from '../../providers/session';
import { isLang } from '../../providers/i18n-provider';
import { downloadFile } from '../../components/api-helpers';
import { usePageQuery } from '../../hooks/use-page-query';
import { CertificateLight, LIGHT_COLOR } from './certificate-light';
import { DelegationCreateModal } from '../../components/delegation-create-modal';
import { emptyLocale } from '../../components/empty-hint';
import { useDetailsExpandable } from '../../components/row-details';

type Filters = { q?: string; category?: string; keyMonitored?: string; vbp?: string; light?: string; own?: boolean };

/** 目录管理 › 挂网目录查看: every role; a manufacturer ticks its own products to delegate them. */
export function ProductList() {
  const t = useTranslate();
  const locale = useGetLocale()();
  const lang = isLang(locale) ? locale : 'zh-CN';
  const { message } = App.useApp();
  const { data: me } = useGetIdentity<Me>();
  const isManufacturer = me?.role === 'manufacturer';
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [selected, setSelected] = useState<CatalogueRow[]>([]);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const query = useMemo(() => {
    const q: Record<string, string> = {};
    if (filters.q?.trim()) q.q = filters.q.trim();
    for (const k of ['category', 'keyMonitored', 'vbp', 'light'] as const) if (filters[k]) q[k] = filters[k] as string;
    if (filters.own) q.own = 'true';
    return q;
  }, [filters]);
  const { rows, meta, loading, refetch, pagination } = usePageQuery<CatalogueRow>('/api/catalogue', query);
  const days = Number(meta?.certificateWarningDays ?? 90);

  const yesNo = [
    { value: 'true', label: t('catalogue.yes') },
    { value: 'false', label: t('catalogue.no') },
  ];
  const lightOptions = CERT_LIGHT_NAMES.map((l) => ({ value: l, label: CERT_LIGHTS[l][lang === 'en-US' ? 'en' : 'zh'] }));

  const doExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/catalogue/export', query, `${t('catalogue.title')}.xlsx`);
      message.success(t('catalogue.exported'));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  // 有效期, 单位, 分类 and 集采 are in the row's 详情: the list fits a 1366×768 screen.
  const expandable = useDetailsExpandable<CatalogueRow>((r) => [
    { label: t('catalogue.col.validTo'), value: r.registrationValidTo },
    { label: t('catalogue.col.unit'), value: r.unit },
    { label: t('catalogue.col.category'), value: categoryLabel(r.category, lang) },
    { label: t('catalogue.vbp'), value: r.vbp ? <Tag color="purple">{t('catalogue.vbp')}</Tag> : null },
  ]);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('catalogue.title')}
        </Typography.Title>
      }
    >
      <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={setFilters}>
        <Form.Item name="q" label={t('catalogue.keyword')}>
          <Input allowClear placeholder={t('catalogue.keywordPlaceholder')} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="category" label={t('catalogue.category')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('catalogue.all')}
            options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))}
          />
        </Form.Item>
        <Form.Item name="keyMonitored" label={t('catalogue.keyMonitored')}>
          <Select allowClear style={{ width: 90 }} placeholder={t('catalogue.all')} options={yesNo} />
        </Form.Item>
        <Form.Item name="vbp" label={t('catalogue.vbp')}>
          <Select allowClear style={{ width: 90 }} placeholder={t('catalogue.all')} options={yesNo} />
        </Form.Item>
        <Form.Item name="light" label={t('catalogue.light')}>
          <Select allowClear style={{ width: 120 }} placeholder={t('catalogue.all')} options={lightOptions} />
        </Form.Item>
        {isManufacturer && (
          <Form.Item name="own" valuePropName="checked">
            <Checkbox>{t('catalogue.ownOnly')}</Checkbox>
          </Form.Item>
        )}
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
          {isManufacturer && (
            <Button type="primary" ghost icon={<SendOutlined />} disabled={!selected.length} onClick={() => setCreating(true)}>
              {t('catalogue.delegate')}
            </Button>
          )}
        </Space>
      </Form>

      <Space size="large" wrap style={{ marginBottom: 12 }} aria-label={t('catalogue.legend')}>
        <Typography.Text type="secondary">{t('catalogue.legend')}</Typography.Text>
        <span>
          <FlagFilled style={{ color: '#f5222d' }} /> {t('catalogue.legendKey')}
        </span>
        <span>
          <Badge color={LIGHT_COLOR.green} /> {t('catalogue.legendGreen')}
        </span>
        <span>
          <Badge color={LIGHT_COLOR.yellow} /> {t('catalogue.legendYellow', { days })}
        </span>
        <span>
          <Badge color={LIGHT_COLOR.red} /> {t('catalogue.legendRed')}
        </span>
        {isManufacturer && (
          <Typography.Text type="secondary">{selected.length ? t('catalogue.selected', { n: selected.length }) : t('catalogue.delegateHint')}</Typography.Text>
        )}
      </Space>

      <Table<CatalogueRow>
        rowKey="documentId"
        size="middle"
        loading={loading}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
        expandable={expandable}
        locale={emptyLocale(t('panel.empty.catalogue'))}
        rowSelection={
          isManufacturer
            ? {
                selectedRowKeys: selected.map((r) => r.documentId),
                preserveSelectedRowKeys: true,
                getCheckboxProps: (r) => ({ disabled: !r.own, 'aria-label': r.name }),
                onChange: (_keys, rs) => setSelected(rs.filter(Boolean)),
              }
            : undefined
        }
        pagination={pagination}
        columns={[
          {
            title: t('catalogue.col.flags'),
            key: 'flags',
            width: 64,
            fixed: 'left',
            render: (_, r) => (
              <Space size={4}>
                {r.keyMonitored && <FlagFilled style={{ color: '#f5222d' }} aria-label={t('catalogue.keyMonitored')} />}
                <CertificateLight light={r.certificateLight} lang={lang} />
              </Space>
            ),
          },
          { title: t('catalogue.col.code'), dataIndex: 'code', width: 110 },
          {
            title: t('catalogue.col.name'),
            dataIndex: 'name',
            width: 190,
            render: (v, r) => (
              <Space size={4}>
                <Link to={`/catalogue/show/${r.documentId}`}>{v}</Link>
                {r.own && <Tag color="blue">{t('catalogue.own')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('catalogue.col.registrationNo'),
            dataIndex: 'registrationNo',
            width: 170,
            render: (v, r) => <Link to={`/catalogue/show/${r.documentId}`}>{v}</Link>,
          },
          { title: t('catalogue.col.manufacturer'), dataIndex: 'manufacturerName', width: 160 },
          { title: t('catalogue.col.specModel'), key: 'spec', width: 120, render: (_, r) => [r.spec, r.model].filter(Boolean).join(' / ') },
          { title: t('catalogue.col.price'), dataIndex: 'priceFen', align: 'right', width: 100, render: (v: number | null) => (v == null ? '' : formatFen(v)) },
        ]}
      />
      {creating && (
        <DelegationCreateModal
          products={selected}
          onClose={(done) => {
            setCreating(false);
            if (done) {
              setSelected([]);
              refetch();
            }
          }}
        />
      )}
    </Card>
  );
}
