import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useGo, useInvalidateAuthStore, useLogin, useParsed, useTranslate } from '@refinedev/core';
import { AuthCard } from '../../components/auth-card';
import { CHANGE_PASSWORD_PATH, type LoginVariables } from '../../providers/auth-provider';

/** 平台登录: username + password; the server's Chinese message is shown when sign-in fails. */
export function LoginPage() {
  const t = useTranslate();
  const go = useGo();
  const invalidateAuthStore = useInvalidateAuthStore();
  const { params } = useParsed<{ to?: string }>();
  const [error, setError] = useState<string | null>(null);

  const { mutate: login, isPending } = useLogin<LoginVariables>({
    mutationOptions: {
      // Replaces Refine's default (a notification): the error is shown in the form instead.
      onSuccess: async ({ success, redirectTo, error: err }) => {
        if (!success) {
          setError(err?.message || t('login.networkError'));
          return;
        }
        setError(null);
        await invalidateAuthStore();
        const to = typeof params?.to === 'string' && params.to.startsWith('/') ? params.to : undefined;
        go({ to: redirectTo === CHANGE_PASSWORD_PATH ? redirectTo : (to ?? redirectTo ?? '/'), type: 'replace' });
      },
      onError: () => setError(t('login.networkError')),
    },
  });

  return (
    <AuthCard title={t('login.title')}>
      <Form<LoginVariables>
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setError(null);
          login({ username: values.username.trim(), password: values.password });
        }}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} placeholder={t('login.usernamePlaceholder')} autoComplete="username" size="large" />
        </Form.Item>
        <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" size="large" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block size="large" loading={isPending}>
            {t('login.submit')}
          </Button>
        </Form.Item>
      </Form>
    </AuthCard>
  );
}
