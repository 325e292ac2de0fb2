import { useState } from 'react';
import { Alert, Button, Form, Input, Space, message } from 'antd';
import { useGetIdentity, useGo, useInvalidateAuthStore, useLogout, useTranslate } from '@refinedev/core';
import { AuthCard } from '../../components/auth-card';
import { changePassword, type ChangePasswordVariables } from '../../providers/auth-provider';
import { isHttpError } from '../../providers/http-client';
import type { Me } from '../../providers/session';

/** Minimum length checked here; the server has the last word. */
const MIN_PASSWORD_LENGTH = 8;

interface FormValues {
  currentPassword: string;
  password: string;
  passwordConfirmation: string;
}

/** 修改密码: from the header at any time, and required before anything else while the initial password is unchanged. */
export function ChangePasswordPage() {
  const t = useTranslate();
  const go = useGo();
  const invalidateAuthStore = useInvalidateAuthStore();
  const { mutate: logout } = useLogout();
  const { data: me } = useGetIdentity<Me>();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: FormValues) => {
    setError(null);
    setSaving(true);
    try {
      const body: ChangePasswordVariables = { ...values };
      await changePassword(body);
      await invalidateAuthStore();
      message.success(t('changePassword.success'));
      go({ to: '/', type: 'replace' });
    } catch (err) {
      if (isHttpError(err) && err.errors) {
        form.setFields(
          Object.entries(err.errors).map(([name, msgs]) => ({
            name: name as keyof FormValues,
            errors: Array.isArray(msgs) ? msgs.map(String) : [String(msgs)],
          })),
        );
      }
      setError(isHttpError(err) ? err.message : t('changePassword.failed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <AuthCard title={t('changePassword.title')}>
      {me?.mustChangePassword && <Alert type="warning" showIcon message={t('changePassword.mustChange')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<FormValues> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          label={t('changePassword.currentPassword')}
          name="currentPassword"
          rules={[{ required: true, message: t('changePassword.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('changePassword.newPassword')}
          name="password"
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('changePassword.newRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('changePassword.tooShort', { min: MIN_PASSWORD_LENGTH }) },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value && value === getFieldValue('currentPassword') ? Promise.reject(new Error(t('changePassword.sameAsCurrent'))) : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('changePassword.confirmPassword')}
          name="passwordConfirmation"
          dependencies={['password']}
          rules={[
            { required: true, message: t('changePassword.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('changePassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('changePassword.submit')}
          </Button>
          <Space>
            {me && !me.mustChangePassword && <Button onClick={() => go({ to: '/', type: 'replace' })}>{t('organisation.cancel')}</Button>}
            <Button type="link" onClick={() => logout()}>
              {t('header.logout')}
            </Button>
          </Space>
        </Space>
      </Form>
    </AuthCard>
  );
}
