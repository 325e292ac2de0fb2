/** Money is integer fen (分): 12.34 元 = 1234. */
import { DomainError } from './errors';
import { normaliseText } from './text';

const YUAN_RE = /^\d+(?:\.\d{1,2})?$/;

/**
 * Yuan (string or number) → fen. Rejects (MONEY_INVALID, 400) negatives, more than 2 decimals,
 * NaN/Infinity, empty text and amounts beyond a safe integer. Thousands separators (1,234.50) are
 * accepted in text. A number input is rounded to fen when it is within floating-point noise of it
 * (12.34 → 1234; 0.1 + 0.2 → 30).
 */
export function yuanToFen(v: string | number, field = 'price'): number {
  const bad = (why: string): DomainError => new DomainError('MONEY_INVALID', `金额${why}`, { status: 400, field, details: { value: v } });
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw bad('无效');
    if (v < 0) throw bad('不能为负数');
    const fen = Math.round(v * 100);
    if (Math.abs(v * 100 - fen) > 1e-6 * Math.max(1, Math.abs(fen))) throw bad('最多两位小数');
    if (!Number.isSafeInteger(fen)) throw bad('过大');
    return fen;
  }
  if (typeof v !== 'string') throw bad('无效');
  const s = normaliseText(v)
    .replace(/^[¥￥]/, '')
    .replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (s === '') throw bad('不能为空');
  if (s.startsWith('-')) throw bad('不能为负数');
  if (!YUAN_RE.test(s)) throw bad(/^\d+\.\d{3,}$/.test(s) ? '最多两位小数' : '格式不正确');
  const [intPart, frac = ''] = s.split('.') as [string, string?];
  const fen = Number(intPart) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || !Number.isSafeInteger(Number(intPart) * 100)) throw bad('过大');
  return fen;
}

/** Fen → yuan text with two decimals: 1234 → '12.34', -5 → '-0.05'; grouping adds thousands separators. */
export function formatFen(fen: number, opts: { grouping?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new DomainError('MONEY_INVALID', '金额无效', { status: 400, details: { fen } });
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  let yuan = String(Math.floor(abs / 100));
  if (opts.grouping) yuan = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** unitPriceFen × quantity; both non-negative integers; AMOUNT_OVERFLOW (400) beyond a safe integer. */
export function lineAmountFen(unitPriceFen: number, quantity: number): number {
  if (!Number.isSafeInteger(unitPriceFen) || unitPriceFen < 0) {
    throw new DomainError('MONEY_INVALID', '单价无效', { status: 400, field: 'unitPrice', details: { unitPriceFen } });
  }
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new DomainError('QUANTITY_INVALID', '数量必须为非负整数', { status: 400, field: 'quantity', details: { quantity } });
  }
  const amount = unitPriceFen * quantity;
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError('AMOUNT_OVERFLOW', '金额超出范围', { status: 400, details: { unitPriceFen, quantity } });
  }
  return amount;
}

/** Sum of fen amounts (AMOUNT_OVERFLOW beyond a safe integer). */
export function sumFen(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(total)) throw new DomainError('AMOUNT_OVERFLOW', '金额超出范围', { status: 400 });
  }
  return total;
}
