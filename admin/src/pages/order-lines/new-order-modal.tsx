/** 新建订单 (hospital): products it may order now, each with its distributors, listed price and certificate light. */
import { useMemo } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useCustom, useGetLocale, useTranslate } from '@refinedev/core';
import { CERT_LIGHTS, formatFen, isOrderableLight, isWarningLight, lineAmountFen } from '@domain';
import { useRowAction } from '../../hooks/use-row-action';
import { errorText, useModalForm } from './modal-form';
import type { OrderOption } from './types';

interface LineInput {
  productId?: number;
  distributorOrgId?: number;
  quantity?: number;
}

const MAX_LINES = 50;

export function NewOrderModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (code: string) => void }) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en' : 'zh';
  const { run: act } = useRowAction();
  const { form, saving, error, run } = useModalForm(open, (f) => f.setFieldsValue({ lines: [{}], remark: '' }));
  const { result, query } = useCustom<{ data: OrderOption[] }>({
    url: '/api/order-options',
    method: 'get',
    queryOptions: { enabled: open },
    errorNotification: false,
  });
  const options = useMemo(() => (result?.data as unknown as { data?: OrderOption[] } | undefined)?.data ?? [], [result]);
  const loading = query.isLoading;
  const lines = Form.useWatch('lines', form) as LineInput[] | undefined;

  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  const amountOf = (l: LineInput | undefined) => {
    const p = l?.productId ? byId.get(l.productId) : undefined;
    if (p?.priceFen == null || !l?.quantity) return null;
    try {
      return lineAmountFen(p.priceFen, l.quantity);
    } catch {
      return null; // a quantity still being typed
    }
  };
  const total = (lines ?? []).reduce((s, l) => s + (amountOf(l) ?? 0), 0);

  const submit = () =>
    run(async (v) => {
      const res = await act<{ data: { code: string } }>({
        url: '/orders/place',
        values: {
          lines: (v.lines as LineInput[]).map((l) => ({ productId: l.productId, distributorOrgId: l.distributorOrgId, quantity: l.quantity })),
          remark: v.remark || null,
        },
        quiet: true,
      });
      onDone(res.data.code);
    });

  const shownError = error ?? (query.error ? errorText(query.error) : null);
  return (
    <Modal
      open={open}
      title={t('orders.titles.newOrder')}
      width={980}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={onClose}>
          {t('orders.actions.cancel')}
        </Button>,
        <Button key="s" type="primary" loading={saving} onClick={submit}>
          {t('orders.actions.submitOrder')}
        </Button>,
      ]}
    >
      {shownError && <Alert type="error" showIcon message={shownError} style={{ marginBottom: 12 }} role="alert" />}
      {!loading && options.length === 0 && <Alert type="info" message={t('orders.form.noOptions')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => {
                const line = lines?.[i];
                const p = line?.productId ? byId.get(line.productId) : undefined;
                const amount = amountOf(line);
                const light = p?.certificateLight;
                return (
                  <Space key={f.key} align="start" wrap style={{ display: 'flex' }} aria-label={`${t('orders.cols.lineNo')} ${i + 1}`}>
                    <Form.Item
                      name={[f.name, 'productId']}
                      label={t('orders.form.product')}
                      rules={[{ required: true, message: t('orders.form.productRequired') }]}
                      style={{ width: 320 }}
                    >
                      <Select
                        showSearch
                        loading={loading}
                        placeholder={t('orders.form.searchProduct')}
                        optionFilterProp="label"
                        onChange={() => form.setFieldValue(['lines', f.name, 'distributorOrgId'], undefined)}
                        options={options.map((o) => ({
                          value: o.id,
                          label: `${o.name} ${[o.spec, o.model].filter(Boolean).join(' ')}（${o.code}）`,
                          disabled: !isOrderableLight(o.certificateLight),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'distributorOrgId']}
                      label={t('orders.form.distributor')}
                      rules={[{ required: true, message: t('orders.form.distributorRequired') }]}
                      style={{ width: 240 }}
                    >
                      <Select options={(p?.distributors ?? []).map((d) => ({ value: d.id, label: d.name }))} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'quantity']}
                      label={t('orders.form.quantity')}
                      rules={[{ required: true, message: t('orders.form.quantityRequired') }]}
                    >
                      <InputNumber min={1} max={1000000} precision={0} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item label={t('orders.form.unitPrice')}>
                      <Typography.Text>{p?.priceFen != null ? formatFen(p.priceFen) : '—'}</Typography.Text>
                      {isWarningLight(light) && <Typography.Text type="warning"> {CERT_LIGHTS[light][lang]}</Typography.Text>}
                    </Form.Item>
                    <Form.Item label={t('orders.form.amount')}>
                      <Typography.Text>{amount != null ? formatFen(amount) : '—'}</Typography.Text>
                    </Form.Item>
                    {fields.length > 1 && (
                      <Form.Item label=" ">
                        <Button onClick={() => remove(f.name)}>{t('orders.actions.removeLine')}</Button>
                      </Form.Item>
                    )}
                  </Space>
                );
              })}
              <Button type="dashed" onClick={() => add({})} disabled={fields.length >= MAX_LINES}>
                {t('orders.actions.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="remark" label={t('orders.form.remark')} style={{ marginTop: 12 }}>
          <Input maxLength={500} />
        </Form.Item>
        <Typography.Text strong>
          {t('orders.form.total')}：{formatFen(total)}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
