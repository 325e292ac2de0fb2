import * as XLSX from 'xlsx';
import { baseUrl } from './client';

/** An .xlsx answer opened with SheetJS: the first sheet's rows keyed by the header row. */
export interface Workbook {
  status: number;
  contentType: string | null;
  /** The file name of `Content-Disposition` (decoded `filename*`), or null. */
  fileName: string | null;
  sheetName: string;
  header: string[];
  rows: Record<string, unknown>[];
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]! : null;
}

/** Opens a workbook's bytes (an export, or an error file the server returns in base64). */
export function openWorkbook(bytes: Uint8Array): Pick<Workbook, 'sheetName' | 'header' | 'rows'> {
  const wb = XLSX.read(bytes, { type: 'array' });
  const sheetName = wb.SheetNames[0];
  if (!sheetName) throw new Error('the workbook has no sheet');
  const ws = wb.Sheets[sheetName]!;
  const [header = []] = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, range: 0 });
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws, { defval: null });
  return { sheetName, header: header.map(String), rows };
}

/** GETs an export and opens it; throws (with the body) when the answer is not a workbook. */
export async function downloadWorkbook(path: string, auth: string): Promise<Workbook> {
  const res = await fetch(`${baseUrl()}${path}`, { headers: { Authorization: `Bearer ${auth}` } });
  const contentType = res.headers.get('content-type');
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200 || !contentType?.includes('spreadsheetml')) {
    throw new Error(`expected an .xlsx from ${path}, got ${res.status} ${contentType}: ${Buffer.from(bytes).toString('utf8').slice(0, 300)}`);
  }
  return { status: res.status, contentType, fileName: fileNameOf(res.headers.get('content-disposition')), ...openWorkbook(bytes) };
}
