/**
 * Registration certificate light 注册证状态灯: green 有效, yellow 即将到期 (expires within the window),
 * red 已过期. Compared by calendar date in China: a certificate valid to today is still valid
 * (yellow); valid to today + windowDays is yellow; valid to today + windowDays + 1 is green.
 */
import { addDaysIso, daysBetweenIso, toIsoDate } from './dates';

export const CERT_LIGHT_NAMES = ['green', 'yellow', 'red'] as const;
export type CertLight = (typeof CERT_LIGHT_NAMES)[number];

export const DEFAULT_CERT_WINDOW_DAYS = 90;

export const CERT_LIGHTS: { readonly [L in CertLight]: { zh: string; en: string; color: string } } = {
  green: { zh: '有效', en: 'Valid', color: 'green' },
  yellow: { zh: '即将到期', en: 'Expiring soon', color: 'gold' },
  red: { zh: '已过期', en: 'Expired', color: 'red' },
};

export function certificateLight(validTo: string | Date, now: Date, windowDays: number = DEFAULT_CERT_WINDOW_DAYS): CertLight {
  const days = daysBetweenIso(toIsoDate(now), toIsoDate(validTo, 'validTo'));
  if (days < 0) return 'red';
  if (days <= windowDays) return 'yellow';
  return 'green';
}

/**
 * The two calendar dates (China time) that bound the lights, for filtering in SQL by date comparison:
 * red: validTo < today; yellow: today <= validTo <= yellowUntil; green: validTo > yellowUntil.
 */
export function certificateBounds(now: Date, windowDays: number = DEFAULT_CERT_WINDOW_DAYS): { today: string; yellowUntil: string } {
  const today = toIsoDate(now);
  return { today, yellowUntil: addDaysIso(today, windowDays) };
}

/** A product may be ordered unless its certificate has expired (red). Unknown lights are not orderable. */
export function isOrderableLight(light: string | null | undefined): boolean {
  return light === 'green' || light === 'yellow';
}

/** A light people are warned about beside the price (expiring or expired). */
export function isWarningLight(light: string | null | undefined): light is Exclude<CertLight, 'green'> {
  return light === 'yellow' || light === 'red';
}
