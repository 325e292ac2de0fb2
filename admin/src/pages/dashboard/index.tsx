import { Card, Descriptions, Space, Typography } from 'antd';
import { useGetIdentity, useGetLocale, useTranslate } from '@refinedev/core';
import { ROLE_LABELS } from '@domain';
import type { Me } from '../../providers/session';
import { TodoCard } from '../../components/todo-card';
import { DashboardFigures } from './figures';

/** 工作台: who the caller is, its to-dos, this month's figures and the 12-month trend. */
export function DashboardPage() {
  const t = useTranslate();
  const locale = useGetLocale()();
  const { data: me } = useGetIdentity<Me>();
  const none = t('dashboard.none');
  const roleLabel = me?.role ? ROLE_LABELS[me.role]?.[locale === 'en-US' ? 'en' : 'zh'] : undefined;
  const province = me?.organisation?.provinceName
    ? `${me.organisation.provinceName}${me.organisation.provinceCode ? `（${me.organisation.provinceCode}）` : ''}`
    : none;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('dashboard.greeting', { name: me?.organisation?.name ?? me?.username ?? '' })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('dashboard.welcome')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('dashboard.title')}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="middle">
          <Descriptions.Item label={t('dashboard.organisation')}>{me?.organisation?.name ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.role')}>{roleLabel ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.province')}>{province}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.username')}>{me?.username ?? none}</Descriptions.Item>
        </Descriptions>
      </Card>
      {me?.role && me.role !== 'platform_admin' && <TodoCard />}
      {me?.role && <DashboardFigures />}
    </Space>
  );
}
