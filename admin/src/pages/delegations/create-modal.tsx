import { useState } from 'react';
import { useTranslate } from '@refinedev/core';
import { App, Form, List, Modal, Select, Typography } from 'antd';
import { postJson } from '../../components/api-helpers';
import { isHttpError } from '../../providers/http-client';
import { useDelegationOptions } from './options';

/** 委托配送: a manufacturer delegates the ticked products in one province to one distributor. */
export function DelegationCreateModal({
  products,
  onClose,
}: {
  products: Array<{ documentId: string; code: string; name: string }>;
  onClose: (done: boolean) => void;
}) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ provinceCode: string; distributorOrgId: number }>();
  const [busy, setBusy] = useState(false);
  const { distributors, provinces } = useDelegationOptions();

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await postJson('/api/delegations/create', { ...v, productIds: products.map((p) => p.documentId) });
      message.success(t('delegations.created'));
      onClose(true);
    } catch (e) {
      if (isHttpError(e) && e.errors) {
        form.setFields(
          Object.entries(e.errors)
            .filter(([k]) => k === 'provinceCode' || k === 'distributorOrgId')
            .map(([name, errors]) => ({ name: name as 'provinceCode', errors: errors as string[] })),
        );
      }
      message.error(isHttpError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('delegations.createTitle')}
      okText={t('delegations.submit')}
      cancelText={t('delegations.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="provinceCode" label={t('delegations.province')} rules={[{ required: true, message: t('delegations.provinceRequired') }]}>
          <Select showSearch optionFilterProp="label" options={provinces} />
        </Form.Item>
        <Form.Item name="distributorOrgId" label={t('delegations.distributor')} rules={[{ required: true, message: t('delegations.distributorRequired') }]}>
          <Select showSearch optionFilterProp="label" options={distributors} />
        </Form.Item>
      </Form>
      <Typography.Text strong>{t('delegations.productsOf', { n: products.length })}</Typography.Text>
      <List
        size="small"
        dataSource={products}
        style={{ maxHeight: 240, overflow: 'auto' }}
        renderItem={(p) => (
          <List.Item>
            {p.code} {p.name}
          </List.Item>
        )}
      />
    </Modal>
  );
}
