/** Modals of the order workflow: new order, reason, delivery, invoice, invoice check, return, history. */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Timeline, Typography } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import dayjs from 'dayjs';
import { CERT_LIGHTS, DELIVERY_MODE_LABELS, formatFen, invoiceError, stateLabel, type CertLight } from '@domain';
import { api, errorText, post, type Line, type OrderOption } from './api';
import { isHttpError } from '../../providers/http-client';

/** Shows a server refusal: the Chinese message at the top of the form and next to the field it names. */
function useServerError(form: ReturnType<typeof Form.useForm>[0]) {
  const [error, setError] = useState<string | null>(null);
  const show = (e: unknown, fieldMap: Record<string, (string | number)[]> = {}) => {
    setError(errorText(e));
    if (isHttpError(e) && e.errors) {
      const fields = Object.entries(e.errors as Record<string, string[]>)
        .map(([k, v]) => ({ name: fieldMap[k] ?? k.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: v }))
        .filter((f) => f.name.length);
      try {
        form.setFields(fields as never);
      } catch {
        /* a field not in the form */
      }
    }
  };
  return { error, setError, show };
}

/** A modal's form: reset (or `onOpen`) whenever `subject` opens it, a saving flag, and server errors shown on the fields and above them. */
function useModalForm(subject: unknown, onOpen?: (form: ReturnType<typeof Form.useForm>[0]) => void) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const { error, setError, show } = useServerError(form);
  useEffect(() => {
    if (subject) {
      if (onOpen) onOpen(form);
      else form.resetFields();
      setError(null);
    }
  }, [subject]); // eslint-disable-line react-hooks/exhaustive-deps
  const run = async (action: (values: any) => Promise<void>) => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await action(values);
    } catch (e) {
      show(e);
    } finally {
      setSaving(false);
    }
  };
  return { form, saving, error, run };
}

/* ------------------------------------------------------------------ new order (hospital) */

export function NewOrderModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (code: string) => void }) {
  const t = useTranslate();
  const locale = useGetLocale()();
  const [form] = Form.useForm();
  const [options, setOptions] = useState<OrderOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const { error, setError, show } = useServerError(form);
  const lines = Form.useWatch('lines', form) as Array<{ productId?: number; distributorOrgId?: number; quantity?: number }> | undefined;

  useEffect(() => {
    if (!open) return;
    setLoading(true);
    setError(null);
    form.setFieldsValue({ lines: [{}], remark: '' });
    api<{ data: OrderOption[] }>('/order-options')
      .then((r) => setOptions(r.data))
      .catch((e) => setError(errorText(e)))
      .finally(() => setLoading(false));
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  const total = (lines ?? []).reduce((s, l) => {
    const p = l?.productId ? byId.get(l.productId) : undefined;
    return s + (p?.priceFen && l?.quantity ? p.priceFen * l.quantity : 0);
  }, 0);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const res = await post<{ data: { code: string } }>('/orders/place', {
        lines: v.lines.map((l: any) => ({ productId: l.productId, distributorOrgId: l.distributorOrgId, quantity: l.quantity })),
        remark: v.remark || null,
      });
      onDone(res.data.code);
    } catch (e) {
      show(e);
    } finally {
      setSaving(false);
    }
  };

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
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      {!loading && options.length === 0 && <Alert type="info" message={t('orders.form.noOptions')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => {
                const line = lines?.[i];
                const p = line?.productId ? byId.get(line.productId) : undefined;
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
                          disabled: o.certificateLight === 'red',
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
                      {p?.certificateLight && p.certificateLight !== 'green' && (
                        <Typography.Text type="warning"> {CERT_LIGHTS[p.certificateLight as CertLight][locale === 'en-US' ? 'en' : 'zh']}</Typography.Text>
                      )}
                    </Form.Item>
                    <Form.Item label={t('orders.form.amount')}>
                      <Typography.Text>{p?.priceFen != null && line?.quantity ? formatFen(p.priceFen * line.quantity) : '—'}</Typography.Text>
                    </Form.Item>
                    {fields.length > 1 && (
                      <Form.Item label=" ">
                        <Button onClick={() => remove(f.name)}>{t('orders.actions.removeLine')}</Button>
                      </Form.Item>
                    )}
                  </Space>
                );
              })}
              <Button type="dashed" onClick={() => add({})} disabled={fields.length >= 50}>
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

/* ------------------------------------------------------------------ generic reason prompt */

export function ReasonModal({
  open,
  title,
  okText,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  okText?: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const t = useTranslate();
  const { form, saving, error, run } = useModalForm(open);
  const submit = () => run((v) => onSubmit(v.reason));
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={okText ?? t('orders.actions.ok')}
      cancelText={t('orders.actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('orders.form.reason')} rules={[{ required: true, whitespace: true, message: t('orders.form.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/* ------------------------------------------------------------------ delivery (distributor) */

export function DeliverModal({ line, onClose, onDone }: { line: Line | null; onClose: () => void; onDone: () => void }) {
  const t = useTranslate();
  const locale = useGetLocale()();
  const { form, saving, error, run } = useModalForm(line, (f) => {
    f.resetFields();
    f.setFieldsValue({ mode: line?.deliveryMode ?? undefined, quantity: undefined });
  });
  const remaining = line ? line.quantity - line.deliveredQty : 0;
  const submit = () =>
    run(async (v) => {
      if (!line) return;
      await post(`/order-lines/${line.documentId}/deliveries`, {
        mode: v.mode,
        quantity: v.quantity,
        batchNo: v.batchNo,
        productionDate: v.productionDate?.format('YYYY-MM-DD'),
        expiryDate: v.expiryDate?.format('YYYY-MM-DD'),
        invoiceCode: v.invoiceCode ?? '',
        invoiceNo: v.invoiceNo ?? '',
      });
      onDone();
    });
  const lang = locale === 'en-US' ? 'en' : 'zh';
  const req = (field: string) => [{ required: true, message: t('orders.form.required', { field }) }];
  return (
    <Modal
      open={!!line}
      title={`${t('orders.titles.deliver')}：${line?.productName ?? ''}`}
      onCancel={onClose}
      onOk={submit}
      okText={t('orders.actions.ok')}
      cancelText={t('orders.actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
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
            <Radio value="standard">{DELIVERY_MODE_LABELS.standard[lang]}</Radio>
            <Radio value="batch">{DELIVERY_MODE_LABELS.batch[lang]}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="quantity" label={t('orders.form.deliverQty')} rules={req(t('orders.form.deliverQty'))}>
          <InputNumber min={1} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="batchNo" label={t('orders.form.batchNo')} rules={req(t('orders.form.batchNo'))}>
          <Input maxLength={50} />
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
    </Modal>
  );
}

function InvoiceFields({ required }: { required?: boolean }) {
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

/* ------------------------------------------------------------------ invoice (补填发票 / 修改) */

export function InvoiceModal({
  delivery,
  title,
  onClose,
  onDone,
}: {
  delivery: { documentId: string; invoiceCode: string | null; invoiceNo: string | null } | null;
  title: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useTranslate();
  const { form, saving, error, run } = useModalForm(delivery, (f) =>
    f.setFieldsValue({ invoiceCode: delivery?.invoiceCode ?? '', invoiceNo: delivery?.invoiceNo ?? '' }),
  );
  const submit = () =>
    run(async (v) => {
      if (!delivery) return;
      await post(`/order-deliveries/${delivery.documentId}/invoice`, { invoiceCode: v.invoiceCode ?? '', invoiceNo: v.invoiceNo ?? '' });
      onDone();
    });
  return (
    <Modal
      open={!!delivery}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={t('orders.actions.ok')}
      cancelText={t('orders.actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={620}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical">
        <InvoiceFields required />
      </Form>
    </Modal>
  );
}

/* ------------------------------------------------------------------ return (hospital) */

export function ReturnModal({ line, onClose, onDone }: { line: Line | null; onClose: () => void; onDone: () => void }) {
  const t = useTranslate();
  const { form, saving, error, run } = useModalForm(line);
  const returnable = line ? line.receivedQty - line.returnedQty - line.returnPendingQty : 0;
  const submit = () =>
    run(async (v) => {
      if (!line) return;
      await post(`/order-lines/${line.documentId}/returns`, { quantity: v.quantity, reason: v.reason });
      onDone();
    });
  return (
    <Modal
      open={!!line}
      title={`${t('orders.titles.return')}：${line?.productName ?? ''}`}
      onCancel={onClose}
      onOk={submit}
      okText={t('orders.actions.ok')}
      cancelText={t('orders.actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Typography.Paragraph type="secondary">{t('orders.form.returnable', { n: returnable })}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="quantity"
          label={t('orders.form.returnQty')}
          rules={[{ required: true, message: t('orders.form.required', { field: t('orders.form.returnQty') }) }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label={t('orders.form.reason')} rules={[{ required: true, whitespace: true, message: t('orders.form.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/* ------------------------------------------------------------------ history timeline */

interface HistoryRow {
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  actorName: string;
  at: string;
}

const ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  place: { zh: '下单', en: 'Order placed' },
  confirm: { zh: '确认', en: 'Confirm' },
  reject: { zh: '拒绝', en: 'Reject' },
  deliver: { zh: '配送', en: 'Deliver' },
  terminate: { zh: '终止配送', en: 'Terminate' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  fillInvoice: { zh: '补填发票', en: 'Fill in invoice' },
  modifyInvoice: { zh: '修改发票', en: 'Modify invoice' },
  passInvoice: { zh: '发票查验通过', en: 'Invoice passed' },
  failInvoice: { zh: '发票查验不通过', en: 'Invoice failed' },
  receive: { zh: '收货', en: 'Receive' },
  requestReturn: { zh: '申请退货', en: 'Ask to return' },
  agreeReturn: { zh: '同意退货', en: 'Return agreed' },
  refuseReturn: { zh: '拒绝退货', en: 'Return refused' },
};

export function HistoryDrawer({ documentId, onClose }: { documentId: string | null; onClose: () => void }) {
  const t = useTranslate();
  const locale = useGetLocale()();
  const lang = locale === 'en-US' ? 'en-US' : 'zh-CN';
  const [rows, setRows] = useState<HistoryRow[] | null>(null);
  useEffect(() => {
    if (!documentId) return;
    setRows(null);
    api<{ data: HistoryRow[] }>(`/history/order-line/${documentId}`)
      .then((r) => setRows(r.data))
      .catch(() => setRows([]));
  }, [documentId]);
  return (
    <Drawer open={!!documentId} title={t('orders.titles.history')} onClose={onClose} width={480}>
      {rows && rows.length === 0 && <Empty description={t('orders.msg.none')} />}
      {rows && rows.length > 0 && (
        <Timeline
          items={rows.map((r) => ({
            children: (
              <div>
                <Typography.Text strong>{ACTION_LABELS[r.action]?.[lang === 'en-US' ? 'en' : 'zh'] ?? r.action}</Typography.Text>
                {(r.fromState || r.toState) && (
                  <Typography.Text>
                    {' '}
                    {r.fromState ? stateLabel('orderLine', r.fromState, lang) : '—'} → {r.toState ? stateLabel('orderLine', r.toState, lang) : '—'}
                  </Typography.Text>
                )}
                <div>
                  <Typography.Text type="secondary">
                    {dayjs(r.at).format('YYYY-MM-DD HH:mm:ss')} · {r.actorName}
                  </Typography.Text>
                </div>
                {r.reason && (
                  <div>
                    {t('orders.cols.reason')}：{r.reason}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}

export function DeliveriesTable({ rows, extra }: { rows: any[]; extra?: (d: any) => React.ReactNode }) {
  const t = useTranslate();
  return (
    <Table
      size="small"
      rowKey="documentId"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('orders.cols.seq'), dataIndex: 'seq', width: 60 },
        { title: t('orders.cols.quantity'), dataIndex: 'quantity', width: 80 },
        { title: t('orders.cols.batchNo'), dataIndex: 'batchNo' },
        { title: t('orders.cols.productionDate'), dataIndex: 'productionDate' },
        { title: t('orders.cols.expiryDate'), dataIndex: 'expiryDate' },
        { title: t('orders.cols.invoice'), render: (_: unknown, d: any) => (d.invoiceNo ? `${d.invoiceCode ? `${d.invoiceCode} ` : ''}${d.invoiceNo}` : '—') },
        {
          title: t('orders.cols.invoiceStatus'),
          render: (_: unknown, d: any) => <StatusCell machine="invoice" value={d.invoiceStatus} note={d.invoiceReason} />,
        },
        { title: t('orders.cols.deliveryStatus'), render: (_: unknown, d: any) => <StatusCell machine="delivery" value={d.status} /> },
        ...(extra ? [{ title: t('orders.cols.actions'), render: (_: unknown, d: any) => extra(d) }] : []),
      ]}
    />
  );
}

import { StatusTag } from '../../components/status-tag';
export function StatusCell({ machine, value, note }: { machine: 'orderLine' | 'delivery' | 'invoice' | 'return'; value: string; note?: string | null }) {
  return (
    <Space direction="vertical" size={0}>
      <StatusTag machine={machine} value={value} />
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Space>
  );
}
