/**
 * 约定采购量 (agreed volumes) that a bureau imports for its province from an .xlsx template: hospital,
 * 带量采购 product, agreed quantity and procurement period. The per-row checks are pure; the names and
 * codes are looked up by the server.
 */
import { isIsoDate } from './dates';
import { normaliseText } from './text';

export const VOLUME_FIELDS = ['hospitalName', 'productCode', 'quantity', 'startDate', 'endDate'] as const;
export type VolumeField = (typeof VOLUME_FIELDS)[number];
export type VolumeInput = { [F in VolumeField]: string };

export const VOLUME_TEMPLATE_COLUMNS: ReadonlyArray<{ field: VolumeField; header: string; aliases: string[]; format: string; width: number }> = [
  { field: 'hospitalName', header: '医疗机构名称', aliases: ['医院名称', '甲方'], format: '必填；本省医疗机构全称', width: 32 },
  { field: 'productCode', header: '产品编码', aliases: ['耗材编码'], format: '必填；挂网目录中的带量采购产品编码', width: 20 },
  { field: 'quantity', header: '约定采购量', aliases: ['约定数量'], format: '必填；正整数', width: 14 },
  { field: 'startDate', header: '采购周期开始', aliases: ['开始日期'], format: '必填；日期，如 2026-01-01', width: 16 },
  { field: 'endDate', header: '采购周期结束', aliases: ['结束日期'], format: '必填；日期，不早于开始日期', width: 16 },
];

/** Most data rows in one import file. */
export const VOLUME_IMPORT_MAX_ROWS = 2000;
/** Largest agreed quantity of one row. */
export const VOLUME_MAX_QUANTITY = 100_000_000;

export const VOLUME_FIELD_LABELS: { readonly [F in VolumeField]: string } = Object.fromEntries(VOLUME_TEMPLATE_COLUMNS.map((c) => [c.field, c.header])) as {
  readonly [F in VolumeField]: string;
};

/** Field of a template header (spaces and required-marks ignored), or null when unknown. */
export function volumeFieldOf(header: string): VolumeField | null {
  const h = normaliseText(header).replace(/\s+/g, '').replace(/[*＊]/g, '');
  return VOLUME_TEMPLATE_COLUMNS.find((c) => c.header === h || c.aliases.includes(h))?.field ?? null;
}

/** Errors of one row's own values (the names and codes are checked against the platform by the server). */
export function volumeInputErrors(v: VolumeInput): Array<{ field: VolumeField; message: string }> {
  const errors: Array<{ field: VolumeField; message: string }> = [];
  if (!v.hospitalName) errors.push({ field: 'hospitalName', message: '必填' });
  else if (v.hospitalName.length > 100) errors.push({ field: 'hospitalName', message: '最多100字' });
  if (!v.productCode) errors.push({ field: 'productCode', message: '必填' });
  else if (v.productCode.length > 40) errors.push({ field: 'productCode', message: '最多40个字符' });
  const q = Number(v.quantity);
  if (!v.quantity) errors.push({ field: 'quantity', message: '必填' });
  else if (!/^\d+$/.test(v.quantity) || !Number.isSafeInteger(q) || q < 1 || q > VOLUME_MAX_QUANTITY) {
    errors.push({ field: 'quantity', message: `须为 1 至 ${VOLUME_MAX_QUANTITY} 的整数` });
  }
  for (const f of ['startDate', 'endDate'] as const) {
    if (!v[f]) errors.push({ field: f, message: '必填' });
    else if (!isIsoDate(v[f])) errors.push({ field: f, message: '日期格式应为 YYYY-MM-DD' });
  }
  if (isIsoDate(v.startDate) && isIsoDate(v.endDate) && v.endDate < v.startDate) errors.push({ field: 'endDate', message: '结束日期不能早于开始日期' });
  return errors;
}
