/** Quantities are whole units: safe integers ≥ 1. */
import { DomainError } from './errors';

export function isPositiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
}

export function isNonNegativeInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Throws QUANTITY_INVALID (400) unless `v` is an integer ≥ 1. */
export function checkQuantity(v: unknown, field = 'quantity'): number {
  if (!isPositiveInteger(v)) {
    throw new DomainError('QUANTITY_INVALID', '数量必须为大于等于1的整数', { status: 400, field, details: { value: v } });
  }
  return v;
}
