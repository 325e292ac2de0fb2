/** 补填发票 / 修改发票 (distributor) and the invoice fields the delivery form shares; the domain checks the number as it is typed. */
import { Form, Input, Space, Typography } from 'antd';
import { useTranslate } from '@refinedev/core';
import { invoiceError } from '@domain';
import { useRowAction } from '../../hooks/use-row-action';
import { FormModal } from './form-modal';
import { useModalForm } from './modal-form';
import type { DeliveryRow } from './types';

export function InvoiceFields({ required }: { required?: boolean }) {
  const t = useTranslate();
  return (
    <>
      <Space>
        <Form.Item name="invoiceCode" label={t('orders.form.invoiceCode')}>
          <Input maxLength={12} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="invoiceNo"
          label={t('orders.form.invoiceNo')}
          dependencies={['invoiceCode']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_r, v) => {
                const code = getFieldValue('invoiceCode');
                if (!required && !v && !code) return Promise.resolve();
                const err = invoiceError({ code, number: v });
                return err ? Promise.reject(new Error(err)) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input maxLength={24} style={{ width: 260 }} />
        </Form.Item>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('orders.form.invoiceHint')}
      </Typography.Paragraph>
    </>
  );
}

export function InvoiceModal({
  delivery,
  title,
  onClose,
  onDone,
}: {
  delivery: Pick<DeliveryRow, 'documentId' | 'invoiceCode' | 'invoiceNo'> | null;
  title: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useTranslate();
  const { run: act } = useRowAction();
  const { form, saving, error, run } = useModalForm(delivery, (f) =>
    f.setFieldsValue({ invoiceCode: delivery?.invoiceCode ?? '', invoiceNo: delivery?.invoiceNo ?? '' }),
  );
  const submit = () =>
    run(async (v) => {
      if (!delivery) return;
      await act({
        url: `/order-deliveries/${delivery.documentId}/invoice`,
        values: { invoiceCode: v.invoiceCode ?? '', invoiceNo: v.invoiceNo ?? '' },
        success: t('orders.msg.done'),
        quiet: true,
      });
      onDone();
    });
  return (
    <FormModal open={!!delivery} title={title} onClose={onClose} onOk={submit} saving={saving} error={error} width={620}>
      <Form form={form} layout="vertical">
        <InvoiceFields required />
      </Form>
    </FormModal>
  );
}
