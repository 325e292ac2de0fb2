import { chinaIso } from '../domain/dates';

/** A row as the driver answers it: column name → raw value (read it with the helpers below). */
export type RawRow = Record<string, unknown>;

/**
 * Column values as the drivers answer them → what the API sends. SQLite keeps datetimes as epoch
 * milliseconds (a number, or digits in text) and dates as 'YYYY-MM-DD' text; PostgreSQL answers Date
 * objects, a DATE at local midnight.
 */
export function dbDate(v: unknown): Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v;
  const d = new Date(typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A text column as stored (no conversion), null when empty: what `row.col ?? null` answered. */
export const dbText = (v: unknown): string | null => (v ?? null) as string | null;

/** A datetime column as ISO text in China time (`…+08:00`). */
export const dbIso = (v: unknown): string | null => chinaIso(dbDate(v));

/** A date column as 'YYYY-MM-DD'. */
export function dbDay(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  return String(v).slice(0, 10);
}

/** A boolean column: SQLite answers 0/1, PostgreSQL booleans. */
export const dbBool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't' || v === 'true';
