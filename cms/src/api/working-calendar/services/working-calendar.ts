/**
 * The one working-day calendar of the platform (deadlines, settlement dates): the maintained holiday
 * table of the `chinese-days` package (public holidays and the official 调休 make-up working days),
 * overlaid by the dates content managers enter in Strapi's admin (工作日历), for a year the package does
 * not know yet or a correction. Per province, the deadline rule (配送时限), 2 and 2 working days unless a
 * content manager set others. Both are read from the database at most every few seconds per process.
 */
import holidayTable from 'chinese-days/dist/chinese-days.json';
import { DEADLINE_WORKING_DAYS_MAX, DEFAULT_DEADLINE_RULE, type DeadlineRule } from '../../../domain/deadlines';
import { chinaDate, isIsoDate } from '../../../domain/dates';
import { deadlineCutoffs, type ProvinceCutoffs } from '../../../domain/overdue';
import { makeWorkingCalendar, type WorkingCalendar } from '../../../domain/working-days';
import { dbBool, dbDay } from '../../../db/values';

const DAYS = 'working_calendar_days';
const RULES = 'deadline_rules';
const CACHE_MS = 5_000;

const packaged: Array<[string, boolean]> = [
  ...Object.keys(holidayTable.holidays).map((d): [string, boolean] => [d, false]),
  ...Object.keys(holidayTable.workdays).map((d): [string, boolean] => [d, true]),
];

let calendarCache: { at: number; calendar: WorkingCalendar } | null = null;
let rulesCache: { at: number; rules: Map<string, DeadlineRule> } | null = null;
let cutoffsCache: { day: string; calendar: WorkingCalendar; rules: Map<string, DeadlineRule>; cutoffs: ProvinceCutoffs } | null = null;

const asDays = (v: unknown, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= DEADLINE_WORKING_DAYS_MAX ? n : fallback;
};

/** The calendar as of now: the package's table, then the content managers' dates over it. */
async function readCalendar(): Promise<WorkingCalendar> {
  if (calendarCache && Date.now() - calendarCache.at < CACHE_MS) return calendarCache.calendar;
  const rows: Array<{ date: unknown; working: unknown }> = await strapi.db.connection(DAYS).select('date', 'working');
  const overrides = rows.flatMap((r): Array<[string, boolean]> => {
    const d = dbDay(r.date);
    return d && isIsoDate(d) ? [[d, dbBool(r.working)]] : [];
  });
  const calendar = makeWorkingCalendar([...packaged, ...overrides]);
  calendarCache = { at: Date.now(), calendar };
  return calendar;
}

/** The province's 配送时限 (confirm and deliver within N and M working days). */
async function readRule(provinceCode: string | null | undefined): Promise<DeadlineRule> {
  if (!rulesCache || Date.now() - rulesCache.at >= CACHE_MS) {
    const rows: Array<{ province_code: string; confirm_working_days: unknown; deliver_working_days: unknown }> = await strapi.db
      .connection(RULES)
      .select('province_code', 'confirm_working_days', 'deliver_working_days');
    const rules = new Map<string, DeadlineRule>();
    for (const r of rows) {
      rules.set(String(r.province_code), {
        confirmWorkingDays: asDays(r.confirm_working_days, DEFAULT_DEADLINE_RULE.confirmWorkingDays),
        deliverWorkingDays: asDays(r.deliver_working_days, DEFAULT_DEADLINE_RULE.deliverWorkingDays),
      });
    }
    rulesCache = { at: Date.now(), rules };
  }
  return (provinceCode && rulesCache.rules.get(provinceCode)) || DEFAULT_DEADLINE_RULE;
}

export default () => ({
  calendar: readCalendar,
  rule: readRule,

  /**
   * The overdue cutoffs of every province at `at` (domain/overdue.ts): provinces with their own rule and
   * the default for the rest. They change once a day (China time) or when the calendar or a rule does.
   */
  async cutoffs(at: Date): Promise<ProvinceCutoffs> {
    const calendar = await readCalendar();
    await readRule(null);
    const rules = rulesCache!.rules;
    const day = chinaDate(at);
    if (cutoffsCache && cutoffsCache.day === day && cutoffsCache.calendar === calendar && cutoffsCache.rules === rules) return cutoffsCache.cutoffs;
    const byProvince = new Map([...rules].map(([p, r]) => [p, deadlineCutoffs(calendar, r, at)] as const));
    const cutoffs = { byProvince, fallback: deadlineCutoffs(calendar, DEFAULT_DEADLINE_RULE, at) };
    cutoffsCache = { day, calendar, rules, cutoffs };
    return cutoffs;
  },

  /** Forget what was read (after a content manager's change in this process). */
  clearCache() {
    calendarCache = null;
    rulesCache = null;
    cutoffsCache = null;
  },
});
