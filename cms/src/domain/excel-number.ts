/**
 * Excel's own conversions of what was typed as text: a cell not formatted as text turns `82599E2`
 * into 8259900, an 18-digit code into 9.11101E+44 (only 15 significant digits are kept), and drops
 * the leading 0 of a landline. The number read back cannot be trusted as the text meant, so it is
 * explained, never stored or misreported.
 */
import { isValidPhone } from './phone';

/** What the column expects: any text, or a phone number (a mobile typed as a number is fine). */
export type ExcelTextKind = 'text' | 'phone';

const ADVICE = '请将该列设置为“文本”格式（或使用下载的模板）后重新输入';

/** How Excel shows a number it cannot hold exactly: 15 significant digits at most, E notation. */
export function excelDisplay(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  if (Math.abs(n) >= 1e15)
    return n
      .toExponential(5)
      .replace(/\.?0+e/, 'e')
      .replace('e', 'E');
  return String(n);
}

/**
 * Why a numeric cell cannot stand for the text of its column (Chinese), or null when it can: an
 * integer Excel holds exactly in General format (a provincial account 5089, a mobile 13800138000).
 * `numberFormat` is the cell's format (null or 'General' when none).
 */
export function excelNumberError(n: number, kind: ExcelTextKind, numberFormat?: string | null): string | null {
  if (!Number.isFinite(n)) return `Excel 已将该单元格转为数字（超出 Excel 的数值范围），原内容已无法还原；${ADVICE}`;
  const shown = excelDisplay(n);
  if (!Number.isSafeInteger(n)) {
    if (Number.isInteger(n)) return `Excel 已将该单元格转为数字（${shown}），超过15位的数字末尾已丢失；${ADVICE}`;
    return `Excel 已将该单元格转为数字（${shown}），带小数，不是文本；${ADVICE}`;
  }
  if (numberFormat && /E[+-]/i.test(numberFormat)) {
    return `Excel 已将该单元格转为数字（${shown}），原内容已改变（如“82599E2”会变成 8259900）；${ADVICE}`;
  }
  if (kind === 'phone' && n > 0 && !isValidPhone(shown) && isValidPhone(`0${shown}`)) {
    return `Excel 已将该单元格转为数字，固定电话开头的“0”已丢失（现为 ${shown}，应为 0${shown}）；${ADVICE}`;
  }
  return null;
}
