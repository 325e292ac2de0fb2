import { useParams, Link } from 'react-router';
import { useCustom, useGetLocale, useTranslate } from '@refinedev/core';
import { Card, Descriptions, Result, Space, Spin, Tag } from 'antd';
import { FlagFilled } from '@ant-design/icons';
import { CERT_LIGHTS, categoryLabel, formatFen, type CatalogueRow } from '@domain';
import { isLang } from '../../providers/i18n-provider';
import { CertificateLight } from './certificate-light';

/** 挂网目录 › 产品详情. */
export function ProductShow() {
  const t = useTranslate();
  const locale = useGetLocale()();
  const lang = isLang(locale) ? locale : 'zh-CN';
  const { id } = useParams();
  const { query, result } = useCustom<{ data: CatalogueRow & { description: string | null } }>({
    url: `/api/catalogue/${encodeURIComponent(String(id))}`,
    method: 'get',
    errorNotification: false,
  });
  if (query.isLoading) return <Spin />;
  const p = (result?.data as unknown as { data?: CatalogueRow & { description: string | null } })?.data;
  if (!p) return <Result status="404" title={t('errors.notFound')} extra={<Link to="/catalogue">{t('catalogue.back')}</Link>} />;
  return (
    <Card title={t('catalogue.details')} extra={<Link to="/catalogue">{t('catalogue.back')}</Link>}>
      <Descriptions bordered column={2} size="middle">
        <Descriptions.Item label={t('catalogue.col.name')}>
          <Space>
            {p.name}
            {p.keyMonitored && (
              <Tag icon={<FlagFilled />} color="red">
                {t('catalogue.keyMonitored')}
              </Tag>
            )}
            {p.vbp && <Tag color="purple">{t('catalogue.vbp')}</Tag>}
            {p.own && <Tag color="blue">{t('catalogue.own')}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('catalogue.col.code')}>{p.code}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.col.registrationNo')}>{p.registrationNo}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.col.validTo')}>
          <Space>
            <CertificateLight light={p.certificateLight} lang={lang} />
            {p.registrationValidTo}
            {p.certificateLight && CERT_LIGHTS[p.certificateLight][lang === 'en-US' ? 'en' : 'zh']}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('catalogue.col.manufacturer')}>{p.manufacturerName}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.col.category')}>{categoryLabel(p.category, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.col.spec')}>{p.spec}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.col.model')}>{p.model}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.col.unit')}>{p.unit}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.col.price')}>{p.priceFen == null ? '' : formatFen(p.priceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.col.description')} span={2}>
          {p.description}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
