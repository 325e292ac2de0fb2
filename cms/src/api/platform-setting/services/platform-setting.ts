import { factories } from '@strapi/strapi';
import { DEFAULT_CERT_WINDOW_DAYS } from '../../../domain/certificate';

const UID = 'api::platform-setting.platform-setting';
const CACHE_MS = 5_000;
let cached: { at: number; days: number } | null = null;

export default factories.createCoreService(UID, () => ({
  /** 证书预警天数 (yellow light window), cached for a few seconds; 90 when unset. */
  async certificateWarningDays(): Promise<number> {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.days;
    const row = await strapi.db.query(UID).findOne({ select: ['certificateWarningDays'] });
    const v = Number(row?.certificateWarningDays);
    const days = Number.isInteger(v) && v >= 0 ? v : DEFAULT_CERT_WINDOW_DAYS;
    cached = { at: Date.now(), days };
    return days;
  },
  clearCache() {
    cached = null;
  },
}));
