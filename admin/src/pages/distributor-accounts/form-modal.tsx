/** 账号添加 / 修改 / 编辑: the manual's fields; the username that will be generated is shown before saving. */
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { ACCOUNT_FIELD_LABELS, ACCOUNT_FIELD_MAX, type AccountField } from '@domain';
import { apiFetch, isHttpError } from '../../providers/http-client';
import { encodeQuery } from '../../providers/strapi-query';
import { getToken } from '../../providers/session';
import type { AccountRecord } from './list';

const MANAGE = '/api/distributor-accounts/manage';
type Values = Record<AccountField, string>;

export function AccountFormModal({ record, onClose }: { record: AccountRecord | null; onClose: (saved: boolean) => void }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ username: string | null; message: string | null } | null>(null);
  const provincialAccount = Form.useWatch('provincialAccount', form);
  const issued = !!record?.issued;

  useEffect(() => {
    if (issued) return;
    const unchanged = record && (provincialAccount ?? '') === record.provincialAccount;
    if (unchanged) {
      setPreview({ username: record.username, message: null });
      return;
    }
    const timer = setTimeout(() => {
      apiFetch<{ data: { username: string | null; message: string | null } }>(`${MANAGE}/username-preview`, {
        token: getToken(),
        query: encodeQuery({ provincialAccount: provincialAccount ?? '' }),
      })
        .then((b) => setPreview(b.data))
        .catch(() => setPreview(null));
    }, 250);
    return () => clearTimeout(timer);
  }, [provincialAccount, issued, record]);

  const lang = useGetLocale()();
  const label = (f: AccountField) => ACCOUNT_FIELD_LABELS[f][lang === 'en-US' ? 'en' : 'zh'];
  const field = (f: AccountField, required: boolean, disabled = false) => (
    <Form.Item
      key={f}
      label={label(f)}
      name={f}
      rules={required ? [{ required: true, whitespace: true, message: t('accounts.form.required', { field: label(f) }) }] : []}
      extra={f === 'provincialAccount' && issued ? t('accounts.form.usernameFixed') : undefined}
    >
      <Input maxLength={f === 'creditCode' ? 40 : ACCOUNT_FIELD_MAX[f] + 10} disabled={disabled} autoComplete="off" />
    </Form.Item>
  );

  const submit = async (values: Values) => {
    setError(null);
    setSaving(true);
    try {
      await apiFetch(record ? `${MANAGE}/${record.documentId}` : MANAGE, { method: record ? 'PUT' : 'POST', token: getToken(), body: { data: values } });
      message.success(t('accounts.form.saved'));
      onClose(true);
    } catch (err) {
      if (isHttpError(err) && err.errors) {
        form.setFields(
          Object.entries(err.errors).map(([name, msgs]) => ({ name: name as AccountField, errors: (Array.isArray(msgs) ? msgs : [msgs]).map(String) })),
        );
      }
      setError(isHttpError(err) ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const title = !record ? t('accounts.form.addTitle') : issued ? t('accounts.form.editIssuedTitle') : t('accounts.form.editTitle');
  return (
    <Modal
      open
      title={title}
      okText={t('accounts.form.save')}
      cancelText={t('accounts.form.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnClose
      width={560}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        name="accountForm"
        layout="horizontal"
        labelCol={{ span: 7 }}
        wrapperCol={{ span: 17 }}
        onFinish={submit}
        initialValues={
          record
            ? {
                provincialAccount: record.provincialAccount,
                companyName: record.companyName,
                creditCode: record.creditCode,
                legalPerson: record.legalPerson,
                authorisedPerson: record.authorisedPerson,
                phone: record.phone,
              }
            : { provincialAccount: '' }
        }
      >
        {field('provincialAccount', false, issued)}
        {field('companyName', true)}
        {field('creditCode', true)}
        {field('legalPerson', false)}
        {field('authorisedPerson', false)}
        {field('phone', true)}
        <Form.Item label={t('accounts.form.username')}>
          <Typography.Text strong data-testid="username-preview">
            {issued ? record?.username : (preview?.username ?? '—')}
          </Typography.Text>
          {!issued && preview?.message && (
            <Typography.Text type="danger" style={{ marginLeft: 8 }}>
              {preview.message}
            </Typography.Text>
          )}
        </Form.Item>
      </Form>
      {!record && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          {[t('accounts.form.note1'), t('accounts.form.note2'), t('accounts.form.note3'), t('accounts.form.note4')].map((n, i) => (
            <span key={i}>
              {`${i + 1}. ${n}`}
              <br />
            </span>
          ))}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
