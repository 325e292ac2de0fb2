/**
 * Calendar-date helpers. Dates without time are ISO strings 'YYYY-MM-DD'. "Today" is the date in
 * China (UTC+8, no daylight saving), whatever the server's time zone.
 */
import { DomainError } from './errors';

export const DAY_MS = 86_400_000;
export const CHINA_UTC_OFFSET_MINUTES = 480;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written 'YYYY-MM-DD' (years 1900–9999). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01 of an ISO date (throws DATE_INVALID when not a real date). */
export function isoDateToDayNumber(s: string, field?: string): number {
  if (!isIsoDate(s)) {
    throw new DomainError('DATE_INVALID', `日期格式不正确（应为YYYY-MM-DD）：${String(s)}`, {
      status: 400,
      ...(field !== undefined ? { field } : {}),
    });
  }
  const [y, mo, d] = s.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d) / DAY_MS;
}

export function dayNumberToIsoDate(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date in China at instant `d`. */
export function chinaDate(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new DomainError('DATE_INVALID', '日期无效', { status: 400 });
  return new Date(d.getTime() + CHINA_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** ISO date plus n days. */
export function addDaysIso(s: string, n: number): string {
  return dayNumberToIsoDate(isoDateToDayNumber(s) + n);
}

/** Whole days from a to b (b - a), both ISO dates. */
export function daysBetweenIso(a: string, b: string): number {
  return isoDateToDayNumber(b) - isoDateToDayNumber(a);
}

/** A Date or date/time string as a Date (throws DATE_INVALID when unparsable). */
export function toDate(v: Date | string, field?: string): Date {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) {
    throw new DomainError('DATE_INVALID', `日期无效：${String(v)}`, {
      status: 400,
      ...(field !== undefined ? { field } : {}),
    });
  }
  return d;
}

/** A Date (→ its date in China) or an ISO date string (→ itself, validated) as 'YYYY-MM-DD'. */
export function toIsoDate(v: Date | string, field?: string): string {
  if (v instanceof Date) return chinaDate(v);
  if (isIsoDate(v)) return v;
  // Accept a full date-time string: its date in China.
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return chinaDate(toDate(v, field));
  isoDateToDayNumber(String(v), field); // throws DATE_INVALID
  return String(v);
}

const CHINA_OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60_000;

function instant(v: Date | string | number | null | undefined): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * An instant as ISO 8601 text in China time, `2026-12-01T09:13:56.000+08:00`: what the API answers for
 * every date-time it writes itself (unambiguous for programs, the China wall clock for people).
 * null for a missing or invalid value.
 */
export function chinaIso(v: Date | string | number | null | undefined): string | null {
  const d = instant(v);
  if (!d) return null;
  return `${new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

/**
 * An instant as people read it in China: `YYYY-MM-DD HH:mm:ss` (or `YYYY-MM-DD HH:mm` with
 * `seconds: false`), whatever the zone of the server or the browser. '' for a missing or invalid value.
 * The panel's tables and every .xlsx export show date-times this way.
 */
export function chinaDateTime(v: Date | string | number | null | undefined, opts: { seconds?: boolean } = {}): string {
  const d = instant(v);
  if (!d) return '';
  const s = new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().replace('T', ' ');
  return s.slice(0, opts.seconds === false ? 16 : 19);
}
