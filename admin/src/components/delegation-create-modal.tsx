/** 委托配送: a manufacturer delegates the ticked catalogue products in one province to one distributor. */
import { useTranslate } from '@refinedev/core';
import { Form, List, Modal, Select, Typography } from 'antd';
import { useRowAction } from '../hooks/use-row-action';
import { useDelegationOptions } from '../hooks/use-delegation-options';
import { DistributorPicker } from './distributor-picker';
import { isHttpError } from '../providers/http-client';

type Values = { provinceCode: string; distributorOrgId: number };

export function DelegationCreateModal({
  products,
  onClose,
}: {
  products: Array<{ documentId: string; code: string; name: string }>;
  onClose: (done: boolean) => void;
}) {
  const t = useTranslate();
  const [form] = Form.useForm<Values>();
  const { run, running } = useRowAction();
  const { provinces } = useDelegationOptions();
  const provinceCode = Form.useWatch('provinceCode', form);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await run({ url: '/delegations/create', values: { ...v, productIds: products.map((p) => p.documentId) }, success: t('delegations.created') });
      onClose(true);
    } catch (e) {
      if (isHttpError(e) && e.errors) {
        form.setFields(
          Object.entries(e.errors)
            .filter(([k]) => k === 'provinceCode' || k === 'distributorOrgId')
            .map(([name, errors]) => ({ name: name as keyof Values, errors: errors as string[] })),
        );
      }
    }
  };

  return (
    <Modal
      open
      title={t('delegations.createTitle')}
      okText={t('delegations.submit')}
      cancelText={t('delegations.cancel')}
      confirmLoading={running}
      onOk={submit}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="provinceCode" label={t('delegations.province')} rules={[{ required: true, message: t('delegations.provinceRequired') }]}>
          <Select showSearch optionFilterProp="label" options={provinces} onChange={() => form.setFieldValue('distributorOrgId', undefined)} />
        </Form.Item>
        <Form.Item name="distributorOrgId" label={t('delegations.distributor')} rules={[{ required: true, message: t('delegations.distributorRequired') }]}>
          <DistributorPicker provinceCode={provinceCode} />
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
