/** 配送 / 继续配送 (distributor): mode (locked after the first delivery), quantity, batch, dates and the invoice. */
import { DatePicker, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import type { Dayjs } from 'dayjs';
import { BATCH_NO_MAX_LENGTH, DELIVERY_MODE_LABELS, DELIVERY_MODES, remainingQuantity } from '@domain';
import { useRowAction } from '../../hooks/use-row-action';
import { InvoiceFields } from './invoice-modal';
import { FormModal } from './form-modal';
import { useModalForm } from './modal-form';
import type { OrderLineRow } from './types';

export function DeliverModal({ line, onClose, onDone }: { line: OrderLineRow | null; onClose: () => void; onDone: () => void }) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en' : 'zh';
  const { run: act } = useRowAction();
  const { form, saving, error, run } = useModalForm(line, (f) => {
    f.resetFields();
    f.setFieldsValue({ mode: line?.deliveryMode ?? undefined, quantity: undefined });
  });
  const remaining = line ? remainingQuantity(line.quantity, line.deliveredQty) : 0;
  const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
  const submit = () =>
    run(async (v) => {
      if (!line) return;
      await act({
        url: `/order-lines/${line.documentId}/deliveries`,
        values: {
          mode: v.mode,
          quantity: v.quantity,
          batchNo: v.batchNo,
          productionDate: day(v.productionDate),
          expiryDate: day(v.expiryDate),
          invoiceCode: v.invoiceCode ?? '',
          invoiceNo: v.invoiceNo ?? '',
        },
        success: t('orders.msg.done'),
        quiet: true,
      });
      onDone();
    });
  const req = (field: string) => [{ required: true, message: t('orders.form.required', { field }) }];
  return (
    <FormModal
      open={!!line}
      title={`${t('orders.titles.deliver')}：${line?.productName ?? ''}`}
      onClose={onClose}
      onOk={submit}
      saving={saving}
      error={error}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {line?.orderCode}-{line?.lineNo} · {t('orders.cols.quantity')} {line?.quantity} · {t('orders.form.remaining', { n: remaining })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="mode"
          label={t('orders.form.mode')}
          rules={req(t('orders.form.mode'))}
          extra={line?.deliveryMode ? t('orders.form.modeLocked') : undefined}
        >
          <Radio.Group disabled={!!line?.deliveryMode}>
            {DELIVERY_MODES.map((m) => (
              <Radio key={m} value={m}>
                {DELIVERY_MODE_LABELS[m][lang]}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="quantity" label={t('orders.form.deliverQty')} rules={req(t('orders.form.deliverQty'))}>
          <InputNumber min={1} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="batchNo" label={t('orders.form.batchNo')} rules={req(t('orders.form.batchNo'))}>
          <Input maxLength={BATCH_NO_MAX_LENGTH} />
        </Form.Item>
        <Space>
          <Form.Item name="productionDate" label={t('orders.form.productionDate')} rules={req(t('orders.form.productionDate'))}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="expiryDate" label={t('orders.form.expiryDate')} rules={req(t('orders.form.expiryDate'))}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
        </Space>
        <InvoiceFields />
      </Form>
    </FormModal>
  );
}
