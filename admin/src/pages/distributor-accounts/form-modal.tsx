/** 账号添加 / 修改 / 编辑: the manual's fields; the username that will be generated is shown before saving. */
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useCustom, useCustomMutation, useGetLocale, useInvalidate, useTranslate } from '@refinedev/core';
import { ACCOUNT_FIELD_LABELS, ACCOUNT_FIELD_MAX, type AccountField } from '@domain';
import { isHttpError } from '../../providers/http-client';
import { MANAGE, type AccountRow } from './types';

type Values = Record<AccountField, string>;
interface UsernamePreview {
  username: string | null;
  message: string | null;
}

/** The provincial account typed, settled for 250 ms (one preview request per pause, not per key). */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function AccountFormModal({ record, onClose }: { record: AccountRow | null; onClose: () => void }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const { mutateAsync, mutation } = useCustomMutation();
  const invalidate = useInvalidate();
  const typed: string = Form.useWatch('provincialAccount', form) ?? '';
  const settled = useSettled(typed);
  const issued = !!record?.issued;
  const unchanged = !!record && settled === record.provincialAccount;
  const { result: previewAnswer, query: previewQuery } = useCustom<{ data: UsernamePreview }>({
    url: `/api/${MANAGE}/username-preview`,
    method: 'get',
    config: { query: { provincialAccount: settled } },
    queryOptions: { enabled: !issued && !unchanged },
    errorNotification: false,
  });
  const preview: UsernamePreview | null = unchanged
    ? { username: record.username, message: null }
    : previewQuery.isError
      ? null
      : ((previewAnswer?.data as { data?: UsernamePreview } | undefined)?.data ?? null);

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
    try {
      await mutateAsync({
        url: record ? `/api/${MANAGE}/${record.documentId}` : `/api/${MANAGE}`,
        method: record ? 'put' : 'post',
        values: { data: values },
        successNotification: false,
        errorNotification: false,
      });
      await invalidate({ invalidates: ['all'] });
      message.success(t('accounts.form.saved'));
      onClose();
    } catch (err) {
      if (isHttpError(err) && err.errors) {
        form.setFields(
          Object.entries(err.errors).map(([name, msgs]) => ({ name: name as AccountField, errors: (Array.isArray(msgs) ? msgs : [msgs]).map(String) })),
        );
      }
      setError(isHttpError(err) ? err.message : String(err));
    }
  };

  const title = !record ? t('accounts.form.addTitle') : issued ? t('accounts.form.editIssuedTitle') : t('accounts.form.editTitle');
  return (
    <Modal
      open
      title={title}
      okText={t('accounts.form.save')}
      cancelText={t('accounts.form.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
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
