/** History of state changes (who, when, from → to, reason), shown as a timeline on each record. */
import type { Lang, Machine } from './state-machine';
import { normaliseReason } from './state-machine';

export interface HistoryEntry {
  /** Machine name: 'delegation' | 'relationship' | 'orderLine' | 'delivery' | 'invoice' | 'return' | 'contract' | … */
  entity: string;
  entityId: string | number;
  /** Transition name (or another action, e.g. 'create', 'deliver', 'expire'). */
  action: string;
  from: string | null;
  to: string | null;
  reason?: string | null;
  actorUserId?: number;
  actorOrgId?: number;
  /** ISO date-time. */
  at: string;
}

/** A history entry without the record id and time, which the server adds. */
export type HistoryDraft = Omit<HistoryEntry, 'entityId' | 'at'> & Partial<Pick<HistoryEntry, 'entityId' | 'at'>>;

/** Draft entry for `transition` of machine `machineName` from → to; a blank reason becomes null. */
export function historyEntry(
  machineName: string,
  transition: string,
  from: string | null,
  to: string | null,
  reason?: string | null,
): HistoryDraft & { reason: string | null } {
  return { entity: machineName, action: transition, from, to, reason: normaliseReason(reason) };
}

/** "待确认 → 已确认（接受委托）" style text of an entry, labelled by its machine. */
export function describeHistoryEntry(
  entry: Pick<HistoryEntry, 'action' | 'from' | 'to' | 'reason'>,
  machine: Pick<Machine, 'label' | 'actionLabel'> | undefined,
  lang: Lang = 'zh-CN',
): string {
  const st = (s: string | null): string => (s === null ? '—' : machine ? machine.label(s, lang) : s);
  const act = machine ? machine.actionLabel(entry.action, lang) : entry.action;
  const open = lang === 'en-US' ? ' (' : '（';
  const close = lang === 'en-US' ? ')' : '）';
  const reason = entry.reason ? `${lang === 'en-US' ? '; reason: ' : '；理由：'}${entry.reason}` : '';
  return `${st(entry.from)} → ${st(entry.to)}${open}${act}${reason}${close}`;
}
