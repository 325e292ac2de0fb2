import { Button, Layout, Radio, Space, Tag, Typography, theme } from 'antd';
import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { useGetIdentity, useGetLocale, useGo, useLogout, useSetLocale, useTranslate } from '@refinedev/core';
import { ROLE_LABELS } from '@domain';
import type { Me } from '../providers/session';
import { LANGS, isLang } from '../providers/i18n-provider';

/** Top bar: the caller's organisation and role, the language switch, 修改密码 and 退出登录. */
export function Header() {
  const { token } = theme.useToken();
  const t = useTranslate();
  const locale = useGetLocale()();
  const setLocale = useSetLocale();
  const { mutate: logout, isPending } = useLogout();
  const go = useGo();
  const { data: me } = useGetIdentity<Me>();
  const lang = isLang(locale) ? locale : 'zh-CN';
  const roleLabel = me?.role ? ROLE_LABELS[me.role]?.[lang === 'en-US' ? 'en' : 'zh'] : undefined;

  return (
    <Layout.Header
      role="banner"
      style={{
        backgroundColor: token.colorBgElevated,
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        gap: 24,
        padding: '0 24px',
        height: 64,
        position: 'sticky',
        top: 0,
        zIndex: 1,
      }}
    >
      {me && (
        <Space size="small" aria-label={t('header.organisation')}>
          <Typography.Text strong data-testid="header-organisation">
            {me.organisation?.name ?? me.username}
          </Typography.Text>
          {roleLabel && (
            <Tag color="blue" data-testid="header-role">
              {roleLabel}
            </Tag>
          )}
        </Space>
      )}
      <Radio.Group
        aria-label={t('header.language')}
        optionType="button"
        buttonStyle="solid"
        size="small"
        value={lang}
        onChange={(e) => setLocale(String(e.target.value))}
        options={LANGS.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      />
      <Button icon={<KeyOutlined />} onClick={() => go({ to: '/change-password' })}>
        {t('organisation.header.changePassword')}
      </Button>
      <Button icon={<LogoutOutlined />} loading={isPending} onClick={() => logout()}>
        {t('header.logout')}
      </Button>
    </Layout.Header>
  );
}
