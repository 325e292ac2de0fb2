/**
 * The one editable table of 批量配送: the hospital's deliverable lines, a checkbox per line, and for
 * each ticked line its values (配送方式, 配送数量, 生产批号, 生产日期, 有效期, 发票代码, 发票号) with the
 * server's refusal under the cell it concerns.
 */
import { DatePicker, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import { useGetLocale, useTranslate } from '@refinedev/core';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { BATCH_NO_MAX_LENGTH, DELIVERY_MODE_LABELS, DELIVERY_MODES, remainingQuantity, type OrderLineRow } from '@domain';
import { pickLine, type CellErrors, type LineValues, type Picked } from './types';

interface Props {
  rows: OrderLineRow[];
  loading: boolean;
  pagination: TablePaginationConfig;
  picked: Picked[];
  errors: CellErrors;
  onPick: (picked: Picked[]) => void;
  onChange: (id: string, values: Partial<LineValues>) => void;
}

export function LinesEditor({ rows, loading, pagination, picked, errors, onPick, onChange }: Props) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en' : 'zh';
  const byId = new Map(picked.map((p) => [p.id, p]));
  // Ticked lines of the sheet that are not on this page are still listed (and submitted).
  const shown: OrderLineRow[] = rows;
  const label = (field: string, l: OrderLineRow) => `${t(`batchDelivery.cols.${field}`)} ${l.orderCode}-${l.lineNo}`;
  const cell = (field: keyof LineValues, width: number, input: (p: Picked, l: OrderLineRow) => ReactNode) => ({
    title: t(`batchDelivery.cols.${field}`),
    width,
    render: (_: unknown, l: OrderLineRow) => {
      const p = byId.get(l.documentId);
      if (!p) return null;
      const err = errors[p.id]?.[field];
      return (
        <div>
          {input(p, l)}
          {err && (
            <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} role="alert">
              {err}
            </Typography.Text>
          )}
        </div>
      );
    },
  });
  const status = (p: Picked, field: string) => (errors[p.id]?.[field] ? ('error' as const) : undefined);
  const day = (field: 'productionDate' | 'expiryDate') =>
    cell(field, 150, (p, l) => (
      <DatePicker
        aria-label={label(field, l)}
        format="YYYY-MM-DD"
        status={status(p, field)}
        value={p.values[field] && dayjs(p.values[field], 'YYYY-MM-DD', true).isValid() ? dayjs(p.values[field], 'YYYY-MM-DD') : null}
        onChange={(d) => onChange(p.id, { [field]: d ? d.format('YYYY-MM-DD') : '' })}
      />
    ));
  const text = (field: 'batchNo' | 'invoiceCode' | 'invoiceNo', width: number, max: number) =>
    cell(field, width, (p, l) => (
      <Input
        aria-label={label(field, l)}
        maxLength={max}
        status={status(p, field)}
        value={p.values[field]}
        onChange={(e) => onChange(p.id, { [field]: e.target.value })}
      />
    ));
  const columns: ColumnsType<OrderLineRow> = [
    { title: t('batchDelivery.cols.line'), render: (_, l) => `${l.orderCode}-${l.lineNo}`, width: 190 },
    { title: t('batchDelivery.cols.product'), dataIndex: 'productName', width: 160, ellipsis: true },
    { title: t('batchDelivery.cols.remaining'), render: (_, l) => remainingQuantity(l.quantity, l.deliveredQty), width: 90 },
    cell('mode', 130, (p, l) => (
      <Select
        aria-label={label('mode', l)}
        status={status(p, 'mode')}
        value={p.values.mode}
        disabled={!!p.locked}
        style={{ width: 120 }}
        options={DELIVERY_MODES.map((m) => ({ value: m, label: DELIVERY_MODE_LABELS[m][lang] }))}
        onChange={(mode) => onChange(p.id, { mode })}
      />
    )),
    cell('quantity', 110, (p, l) => (
      <InputNumber
        aria-label={label('quantity', l)}
        min={1}
        max={p.remaining || undefined}
        precision={0}
        status={status(p, 'quantity')}
        value={p.values.quantity}
        onChange={(q) => onChange(p.id, { quantity: typeof q === 'number' ? q : null })}
      />
    )),
    text('batchNo', 150, BATCH_NO_MAX_LENGTH),
    day('productionDate'),
    day('expiryDate'),
    text('invoiceCode', 150, 12),
    text('invoiceNo', 200, 20),
  ];
  return (
    <Table<OrderLineRow>
      rowKey="documentId"
      size="small"
      loading={loading}
      dataSource={shown}
      columns={columns}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('batchDelivery.empty') }}
      rowSelection={{
        preserveSelectedRowKeys: true,
        selectedRowKeys: picked.map((p) => p.id),
        getCheckboxProps: (l) => ({ disabled: !(l.actions as readonly string[]).includes('deliver'), 'aria-label': `${l.orderCode}-${l.lineNo}` }),
        onChange: (_keys, selectedRows) => {
          const keep = new Set(_keys.map(String));
          const kept = picked.filter((p) => keep.has(p.id));
          const added = selectedRows.filter((l) => l && !byId.has(l.documentId)).map(pickLine);
          onPick([...kept, ...added]);
        },
      }}
    />
  );
}
