/** 新增机构 / 编辑机构: bureaus, manufacturers and hospitals; the server checks every field and answers the first login once. */
import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { ONBOARD_TYPES, ORG_TYPE_LABELS } from '@domain';
import { useApiWrite } from '../../hooks/use-api-write';
import { useProvinceOptions } from '../../hooks/use-province-options';
import { PLATFORM, type Credential, type OrgRow } from './types';

interface Props {
  open: boolean;
  org: OrgRow | null;
  onClose: () => void;
  onCreated: (c: Credential) => void;
}

export function OrgFormModal({ open, org, onClose, onCreated }: Props) {
  const t = useTranslate();
  const k = useGetLocale()() === 'en-US' ? 'en' : 'zh';
  const l = (key: string) => t(`organisation.platform.${key}`);
  const [form] = Form.useForm();
  const type = Form.useWatch('type', form) as string | undefined;
  const [error, setError] = useState<string | null>(null);
  const { write, saving } = useApiWrite();
  const provinces = useProvinceOptions();
  const required = (key: string) => [{ required: true, whitespace: true, message: t('organisation.required', { field: l(key) }) }];

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      if (org) await write('put', `/${PLATFORM}/${org.documentId}`, { ...values, type: org.type }, t('organisation.contacts.saved'));
      else onCreated((await write<{ credential: Credential }>('post', `/${PLATFORM}`, values)).credential);
      onClose();
    } catch (e) {
      setError((e as Error)?.message ?? String(e));
    }
  };

  return (
    <Modal
      open={open}
      title={org ? l('editTitle') : l('createTitle')}
      onOk={submit}
      onCancel={onClose}
      okText={t('organisation.ok')}
      cancelText={t('organisation.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
      afterOpenChange={(v) => v && setError(null)}
    >
      <Typography.Paragraph type="secondary">{l('typeFixed')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="org-form"
        layout="vertical"
        preserve={false}
        clearOnDestroy
        initialValues={org ? { ...org, regionCode: org.regionCode ?? '' } : { type: 'hospital' }}
      >
        <Form.Item name="type" label={l('type')} rules={required('type')}>
          <Select disabled={!!org} options={ONBOARD_TYPES.map((v) => ({ value: v, label: ORG_TYPE_LABELS[v][k] }))} />
        </Form.Item>
        <Form.Item name="name" label={l('name')} rules={required('name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="provinceCode" label={l('province')} rules={required('province')}>
          <Select showSearch optionFilterProp="label" options={provinces} disabled={!!org && org.type === 'bureau'} />
        </Form.Item>
        <Form.Item name="regionCode" label={l('regionCode')}>
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item name="creditCode" label={l('creditCode')} rules={type === 'bureau' ? [] : required('creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="legalPerson" label={l('legalPerson')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="phone" label={l('phone')} rules={required('phone')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="address" label={l('address')}>
          <Input maxLength={300} />
        </Form.Item>
        {type === 'hospital' && (
          <Form.Item name="hospitalLevel" label={l('hospitalLevel')}>
            <Input maxLength={32} />
          </Form.Item>
        )}
        {!org && (
          <Form.Item name="username" label={l('username')} extra={t('organisation.operators.usernameHint')} rules={required('username')}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
