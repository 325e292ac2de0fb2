import type { ReactNode } from 'react';
import { Card, Radio, Space, Typography, theme } from 'antd';
import { MedicineBoxOutlined } from '@ant-design/icons';
import { useGetLocale, useSetLocale, useTranslate } from '@refinedev/core';
import { LANGS, isLang } from '../providers/i18n-provider';

/** Centered card with the platform name and a language switch, for the login and password pages. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { token } = theme.useToken();
  const t = useTranslate();
  const locale = useGetLocale()();
  const setLocale = useSetLocale();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
        background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 60%)`,
      }}
    >
      <Space direction="vertical" size="large" align="center" style={{ width: '100%', maxWidth: 420 }}>
        <Space align="center">
          <MedicineBoxOutlined style={{ fontSize: 32, color: token.colorPrimary }} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
        </Space>
        <Card
          style={{ width: '100%' }}
          title={
            <Typography.Title level={4} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
          }
          extra={
            <Radio.Group
              aria-label={t('header.language')}
              optionType="button"
              size="small"
              value={isLang(locale) ? locale : 'zh-CN'}
              onChange={(e) => setLocale(String(e.target.value))}
              options={LANGS.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            />
          }
        >
          {children}
        </Card>
      </Space>
    </div>
  );
}
