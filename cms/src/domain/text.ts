/** Normalising typed and imported text (forms and .xlsx cells). */

/**
 * Characters nobody sees: zero-width spaces and joiners, the byte-order mark, soft hyphens, direction
 * marks (Unicode format characters, Cf) and control characters other than whitespace. Pasted from web
 * pages and PDFs into Excel, they make a code look right and count wrong.
 */
const INVISIBLE_RE = /\p{Cf}|(?![\t\n\r])\p{Cc}/gu;

/**
 * Invisible characters removed, full-width ASCII (U+FF01–U+FF5E) → half-width, ideographic space
 * U+3000 → space, then trim and collapse inner whitespace to one space. null/undefined → ''.
 */
export function normaliseText(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  let out = '';
  for (const ch of String(s).replace(INVISIBLE_RE, '')) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

const SCIENTIFIC_RE = /^([+-]?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/;

/**
 * Exact decimal expansion of a number written in scientific notation ('1.38001380E10' →
 * '13800138000'), or null when it is not an integer or too long to be meant as one.
 */
function expandScientific(s: string): string | null {
  const m = SCIENTIFIC_RE.exec(s);
  if (!m) return null;
  const sign = m[1] === '-' ? '-' : '';
  const intPart = m[2] as string;
  const frac = m[3] ?? '';
  const exp = Number(m[4]);
  if (!Number.isInteger(exp) || exp > 30 || exp < -30) return null;
  let digits = intPart + frac;
  const point = intPart.length + exp; // position of the decimal point in `digits`
  if (point < 0) return null;
  if (point >= digits.length) digits = digits + '0'.repeat(point - digits.length);
  else {
    if (/[^0]/.test(digits.slice(point))) return null; // has a fraction: not an integer
    digits = digits.slice(0, point);
  }
  digits = digits.replace(/^0+(?=\d)/, '');
  return sign + digits;
}

/**
 * A spreadsheet cell as text: null/undefined → ''; an integral number (an Excel phone typed as a
 * number, 13800138000) → its plain digits; a text cell in scientific notation holding an integer
 * ('1.38001380E10') → its plain digits; other numbers → String(n); booleans → 'true'/'false';
 * a Date → 'YYYY-MM-DD' of its local calendar date (spreadsheet readers create dates at local
 * midnight); strings → normaliseText.
 */
export function normaliseCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (Number.isInteger(v)) {
      return Math.abs(v) < 1e21 ? v.toFixed(0) : (expandScientific(String(v)) ?? String(v));
    }
    return String(v);
  }
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const p = (n: number, w = 2): string => String(n).padStart(w, '0');
    return `${p(v.getFullYear(), 4)}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  const s = normaliseText(String(v));
  return expandScientific(s) ?? s;
}

/** A header cell as compared with the template's: normalised, without spaces and required-marks (*). */
export function headerKey(h: string): string {
  return normaliseText(h).replace(/\s+/g, '').replace(/[*＊]/g, '');
}
