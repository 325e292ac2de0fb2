/**
 * Invoice numbers 发票号: either a fully digitalised e-invoice 全电发票 (20-digit number, no code),
 * or a VAT invoice (8-digit number with a 10- or 12-digit invoice code 发票代码).
 */
import { DomainError } from './errors';
import { normaliseText } from './text';

export type InvoiceKind = 'full_digital' | 'vat';

export interface InvoiceInput {
  code?: string | number | null;
  number: string | number | null | undefined;
}

export interface CheckedInvoice {
  /** null for a full_digital invoice. */
  code: string | null;
  number: string;
  kind: InvoiceKind;
}

const isTextLike = (v: unknown) => v === null || v === undefined || typeof v === 'string' || typeof v === 'number';
const clean = (v: string | number | null | undefined): string => normaliseText(v === null || v === undefined ? '' : String(v)).replace(/[\s-]/g, '');

/** Normalised invoice or DomainError INVOICE_INVALID (400, field invoiceNo or invoiceCode). */
export function checkInvoice(input: InvoiceInput): CheckedInvoice {
  const err = (message: string, field: 'invoiceNo' | 'invoiceCode'): DomainError => new DomainError('INVOICE_INVALID', message, { status: 400, field });
  // The input comes from a JSON body: an object or a list where text belongs is refused, never stringified.
  if (!isTextLike(input.number)) throw err('发票号码应为数字文本', 'invoiceNo');
  if (!isTextLike(input.code)) throw err('发票代码应为数字文本', 'invoiceCode');
  const number = clean(input.number);
  const code = clean(input.code);
  if (number === '') throw err('请填写发票号码', 'invoiceNo');
  if (!/^\d+$/.test(number)) throw err('发票号码只能包含数字', 'invoiceNo');
  if (number.length === 20) {
    if (code !== '') throw err('全电发票（20位发票号码）无需填写发票代码', 'invoiceCode');
    return { code: null, number, kind: 'full_digital' };
  }
  if (number.length === 8) {
    if (code === '') throw err('8位发票号码须填写发票代码', 'invoiceCode');
    if (!/^\d{10}$|^\d{12}$/.test(code)) throw err('发票代码应为10位或12位数字', 'invoiceCode');
    return { code, number, kind: 'vat' };
  }
  throw err('发票号码应为20位（全电发票）或8位数字', 'invoiceNo');
}

/** null when valid, else the reason in Chinese. */
export function invoiceError(input: InvoiceInput): string | null {
  try {
    checkInvoice(input);
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.message;
    throw e;
  }
}
