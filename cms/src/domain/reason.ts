/** Reasons typed by people (拒绝, 终止, 退货 …): trimmed, required where the rule says so, at most REASON_MAX_LENGTH. */
import { DomainError } from './errors';
import { normaliseReason, REASON_MAX_LENGTH } from './state-machine';

function checkLength(reason: string): string {
  if (reason.length > REASON_MAX_LENGTH) {
    throw new DomainError('REASON_TOO_LONG', `理由不能超过${REASON_MAX_LENGTH}个字`, { status: 400, field: 'reason' });
  }
  return reason;
}

/** A required reason for the action named `actionZh` (e.g. 拒绝): REASON_REQUIRED or REASON_TOO_LONG (400, field reason). */
export function requireReason(v: unknown, actionZh: string): string {
  const r = normaliseReason(v);
  if (r === null) throw new DomainError('REASON_REQUIRED', `请填写${actionZh}理由`, { status: 400, field: 'reason' });
  return checkLength(r);
}

/** An optional reason: null when blank, REASON_TOO_LONG (400) when too long. */
export function optionalReason(v: unknown): string | null {
  const r = normaliseReason(v);
  return r === null ? null : checkLength(r);
}
