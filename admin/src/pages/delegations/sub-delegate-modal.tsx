/** 下级配送: the same province, all or some products of one delegation, to one other distributor. */
import { useEffect } from 'react';
import { useList, useTranslate } from '@refinedev/core';
import { Checkbox, Form, Modal, Typography } from 'antd';
import { useRowAction } from '../../hooks/use-row-action';
import { DistributorPicker } from '../../components/distributor-picker';
import type { DelegatedProductRow, DelegationRow } from './types';

export function SubDelegateModal({ row, onClose }: { row: DelegationRow; onClose: () => void }) {
  const t = useTranslate();
  const { run, running } = useRowAction();
  const [form] = Form.useForm<{ distributorOrgId: number; productIds: string[] }>();
  const { result } = useList<DelegatedProductRow>({
    resource: 'delegation-products',
    meta: { apiPath: `delegations/${row.documentId}/products` },
    pagination: { currentPage: 1, pageSize: 1000 },
    errorNotification: false,
  });
  const products = result?.data ?? [];
  const allIds = products.map((r) => r.documentId).join(',');
  useEffect(() => {
    if (allIds) form.setFieldValue('productIds', allIds.split(','));
  }, [allIds, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await run({ url: `/delegations/${row.documentId}/sub-delegate`, values, success: t('delegations.created') });
      onClose();
    } catch {
      // the hook showed the server's message; the dialog stays open
    }
  };

  return (
    <Modal
      open
      title={t('delegations.subTitle')}
      okText={t('delegations.submit')}
      cancelText={t('delegations.cancel')}
      confirmLoading={running}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('delegations.subHint')}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('delegations.col.province')}：{row.provinceName}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="distributorOrgId" label={t('delegations.distributor')} rules={[{ required: true, message: t('delegations.distributorRequired') }]}>
          <DistributorPicker provinceCode={row.provinceCode} exclude={row.distributorOrgId} />
        </Form.Item>
        <Form.Item
          name="productIds"
          label={t('delegations.subProducts')}
          rules={[{ required: true, type: 'array', min: 1, message: t('delegations.subProductsRequired') }]}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4, maxHeight: 260, overflow: 'auto' }}
            options={products.map((r) => ({ value: r.documentId, label: `${r.code} ${r.name}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
