import { describe, expect, it } from 'vitest';
import { checkInvoice, DomainError, invoiceError } from '../../src/domain';

function err(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('checkInvoice', () => {
  it('全电发票: 20 digits, no code', () => {
    expect(checkInvoice({ number: '24112000000012345678' })).toEqual({ code: null, number: '24112000000012345678', kind: 'full_digital' });
    expect(checkInvoice({ code: '', number: ' 2411 2000 0000 1234 5678 ' })).toEqual({
      code: null,
      number: '24112000000012345678',
      kind: 'full_digital',
    });
    expect(checkInvoice({ code: null, number: '２４１１２０００００００１２３４５６７８' }).kind).toBe('full_digital');
  });

  it('VAT: 8-digit number with a 10- or 12-digit code', () => {
    expect(checkInvoice({ code: '1100224130', number: '01234567' })).toEqual({ code: '1100224130', number: '01234567', kind: 'vat' });
    expect(checkInvoice({ code: '011002400111', number: '12345678' })).toEqual({ code: '011002400111', number: '12345678', kind: 'vat' });
  });

  it('refuses an object or a list where text belongs (a JSON body), instead of crashing on String(value)', () => {
    const shadowing = JSON.parse('{"toString":1}') as unknown as string;
    const number = err(() => checkInvoice({ number: shadowing }));
    expect([number.code, number.field, number.message]).toEqual(['INVOICE_INVALID', 'invoiceNo', '发票号码应为数字文本']);
    const code = err(() => checkInvoice({ code: [1] as unknown as string, number: '12345678' }));
    expect([code.code, code.field, code.message]).toEqual(['INVOICE_INVALID', 'invoiceCode', '发票代码应为数字文本']);
  });

  const bad: Array<[string | null | undefined, string, string, string]> = [
    [null, '', 'invoiceNo', '请填写发票号码'],
    [null, '   ', 'invoiceNo', '请填写发票号码'],
    [null, '1234567', 'invoiceNo', '发票号码应为20位（全电发票）或8位数字'],
    [null, '123456789', 'invoiceNo', '发票号码应为20位（全电发票）或8位数字'],
    [null, '2411200000001234567', 'invoiceNo', '发票号码应为20位（全电发票）或8位数字'],
    [null, '1234567A', 'invoiceNo', '发票号码只能包含数字'],
    ['1100224130', '24112000000012345678', 'invoiceCode', '全电发票（20位发票号码）无需填写发票代码'],
    [null, '12345678', 'invoiceCode', '8位发票号码须填写发票代码'],
    ['', '12345678', 'invoiceCode', '8位发票号码须填写发票代码'],
    ['123456789', '12345678', 'invoiceCode', '发票代码应为10位或12位数字'],
    ['12345678901', '12345678', 'invoiceCode', '发票代码应为10位或12位数字'],
    ['1234567890123', '12345678', 'invoiceCode', '发票代码应为10位或12位数字'],
    ['11002A4130', '12345678', 'invoiceCode', '发票代码应为10位或12位数字'],
  ];
  it.each(bad)('code %j number %j → %s', (code, number, field, message) => {
    const e = err(() => checkInvoice({ code, number }));
    expect(e.code).toBe('INVOICE_INVALID');
    expect(e.status).toBe(400);
    expect(e.field).toBe(field);
    expect(e.message).toBe(message);
    expect(invoiceError({ code, number })).toBe(message);
  });

  it('invoiceError is null for a valid invoice', () => {
    expect(invoiceError({ number: '24112000000012345678' })).toBeNull();
  });
});
