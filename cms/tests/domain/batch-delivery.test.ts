import { describe, expect, it } from 'vitest';
import {
  BATCH_DELIVERY_FIELDS,
  BATCH_DELIVERY_SHEET_COLUMNS,
  batchFieldLabel,
  batchRefusal,
  DomainError,
  lineReference,
  lineRefusal,
  parseLineReference,
  sheetDay,
} from '../../src/domain';

describe('批量配送 rules', () => {
  it('labels every field in Chinese; the sheet reads only known fields', () => {
    for (const f of BATCH_DELIVERY_FIELDS) expect(batchFieldLabel(f)).toMatch(/[\u4e00-\u9fff]/);
    expect(batchFieldLabel(undefined)).toBe('');
    expect(batchFieldLabel('nope')).toBe('');
    for (const c of BATCH_DELIVERY_SHEET_COLUMNS) if (c.field) expect(BATCH_DELIVERY_FIELDS).toContain(c.field);
    expect(BATCH_DELIVERY_SHEET_COLUMNS.map((c) => c.header)).toEqual([
      '订单明细',
      '产品名称',
      '可配送数量',
      '配送数量',
      '生产批号',
      '生产日期',
      '有效期',
      '发票代码',
      '发票号',
    ]);
  });

  it('reads a line reference back as it was written (the order code may contain hyphens)', () => {
    expect(lineReference('DD20261201000001', 3)).toBe('DD20261201000001-3');
    expect(parseLineReference('DD20261201000001-3')).toEqual({ orderCode: 'DD20261201000001', lineNo: 3 });
    expect(parseLineReference(' A-B-12 ')).toEqual({ orderCode: 'A-B', lineNo: 12 });
    expect(parseLineReference('DD2026')).toBeNull();
    expect(parseLineReference(null)).toBeNull();
  });

  it('reads date cells and the usual ways of typing a day', () => {
    expect(sheetDay(new Date(2026, 0, 2))).toBe('2026-01-02');
    expect(sheetDay(new Date(2026, 0, 1, 23, 59, 59))).toBe('2026-01-02');
    expect(sheetDay('2026/1/2')).toBe('2026-01-02');
    expect(sheetDay('2026年1月2日')).toBe('2026-01-02');
    expect(sheetDay('2026-01-02')).toBe('2026-01-02');
    expect(sheetDay('tomorrow')).toBe('tomorrow');
    expect(sheetDay(null)).toBe('');
    expect(sheetDay(new Date('x'))).toBe('');
  });

  it('turns line refusals into one refusal naming each line and field, with the first one’s status', () => {
    const q = lineRefusal(1, 'L2', new DomainError('QUANTITY_EXCEEDS', '配送数量超出采购数量', { status: 409, field: 'quantity' }));
    const gone = lineRefusal(2, 'L3', new DomainError('NOT_FOUND', '记录不存在或无权访问', { status: 404 }));
    const whole = lineRefusal(3, 'L4', new DomainError('CONFLICT', '订单明细已被其他操作修改', { status: 409 }));
    expect(q).toEqual({ index: 1, line: 'L2', field: 'quantity', code: 'QUANTITY_EXCEEDS', message: '配送数量超出采购数量', status: 409 });
    expect(gone.field).toBe('line');
    expect(whole.field).toBeNull();
    const e = batchRefusal([q, gone, whole]);
    expect(e).toMatchObject({ code: 'BATCH_DELIVERY_REFUSED', status: 409, field: 'lines.1.quantity' });
    expect(e.message).toBe('第2行“配送数量”：配送数量超出采购数量（共3处问题），本次批量配送未执行');
    expect((e.details as { lines: unknown[] }).lines).toHaveLength(3);
    expect(batchRefusal([whole]).field).toBe('lines.3');
  });
});
