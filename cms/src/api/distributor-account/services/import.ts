/**
 * 导入 (manual 000 §3.2.5): every row of the uploaded sheet checked — fields, duplicates inside the file
 * and against the platform — then all rows stored in one transaction, or none and every error back
 * (row / column / reason, and the sheet with an error column).
 */
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import {
  ACCOUNT_FIELD_LABELS,
  ACCOUNT_IMPORT_MAX_ROWS,
  ACCOUNT_REQUIRED_FIELDS,
  ACCOUNT_STATE,
  ACCOUNT_TEMPLATE_COLUMNS,
  accountInputErrors,
  makeUsername,
  normaliseAccountInput,
  normaliseCell,
  PROVINCIAL_ACCOUNT_RE,
  templateFieldOf,
  type AccountField,
  type AccountInput,
} from '../../../domain';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { readSheetRows } from '../../../utils/xlsx-upload';
import { errorWorkbook } from './account-xlsx';
import { ACCOUNTS, chunks, nextSeq, recordHistory, requireBureau, takenCreditCodes, takenUsernames, writeTx } from './account-data';

export interface ImportError {
  row: number;
  column: string;
  message: string;
}

interface ParsedRow {
  rowNo: number;
  input: AccountInput;
}
interface NewAccount extends ParsedRow {
  seq: number | null;
  username: string;
}

const label = (f: AccountField) => ACCOUNT_FIELD_LABELS[f].zh;
const tooMany = () => new DomainError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${ACCOUNT_IMPORT_MAX_ROWS} 行（当前超过上限）`, { status: 400, field: 'file' });

/** The field under each column of the header row (null: none), or the header's errors. */
function readHeader(header: string[], errors: ImportError[]): (AccountField | null)[] {
  const colField: (AccountField | null)[] = [];
  const seen = new Set<AccountField>();
  for (const h of header) {
    if (h === '') {
      colField.push(null);
      continue;
    }
    const f = templateFieldOf(h);
    if (!f) errors.push({ row: 1, column: h, message: `未知列“${h}”，请使用下载的模板` });
    else if (seen.has(f)) errors.push({ row: 1, column: h, message: `列“${h}”重复` });
    else seen.add(f);
    colField.push(f && !colField.includes(f) ? f : null);
  }
  for (const c of ACCOUNT_TEMPLATE_COLUMNS) {
    if (!seen.has(c.field) && ACCOUNT_REQUIRED_FIELDS.includes(c.field)) errors.push({ row: 1, column: c.header, message: `缺少必填列“${c.header}”` });
  }
  return colField;
}

/** Data rows (blank rows and the template's format row skipped); cells under no header are errors. */
function readRows(rows: unknown[][], header: string[], colField: (AccountField | null)[], errors: ImportError[]): ParsedRow[] {
  const parsed: ParsedRow[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const raw: Partial<Record<AccountField, unknown>> = {};
    let filled = false;
    colField.forEach((f, ci) => {
      if (!f) return;
      const v = normaliseCell(cells[ci]);
      if (v !== '') filled = true;
      raw[f] = v;
    });
    for (let ci = 0; ci < cells.length; ci++) {
      if ((colField[ci] ?? null) === null && (header[ci] ?? '') === '' && normaliseCell(cells[ci]) !== '') {
        errors.push({ row: i + 1, column: `第${ci + 1}列`, message: '该单元格不在任何模板列下（未知列）' });
        filled = true;
      }
    }
    if (!filled) continue;
    if (i === 1 && /^(必填|选填)/.test(normaliseCell(raw.companyName))) continue; // the template's format row
    parsed.push({ rowNo: i + 1, input: normaliseAccountInput(raw) });
  }
  return parsed;
}

/** Usernames in file order, sequence numbers continuing the province's. */
async function withUsernames(provinceCode: string, parsed: ParsedRow[]): Promise<NewAccount[]> {
  let seq = await nextSeq(provinceCode);
  return parsed.map((p) => {
    const s = p.input.provincialAccount ? null : seq++;
    let username = '';
    if (!p.input.provincialAccount || PROVINCIAL_ACCOUNT_RE.test(p.input.provincialAccount)) {
      try {
        username = makeUsername(provinceCode, p.input.provincialAccount || null, s);
      } catch {
        username = '';
      }
    }
    return { ...p, seq: s, username };
  });
}

/** Duplicates inside the file, then against the platform. */
async function duplicateErrors(accounts: NewAccount[], errors: ImportError[]): Promise<void> {
  const firstBy = (key: (a: NewAccount) => string, column: string, what: string) => {
    const first = new Map<string, number>();
    for (const a of accounts) {
      const k = key(a);
      if (!k) continue;
      const prev = first.get(k);
      if (prev !== undefined) errors.push({ row: a.rowNo, column, message: `与第${prev}行${what}重复` });
      else first.set(k, a.rowNo);
    }
  };
  firstBy((a) => (a.input.creditCode.length === 18 ? a.input.creditCode : ''), label('creditCode'), '统一社会信用代码');
  firstBy((a) => (a.input.provincialAccount ? a.username : ''), label('provincialAccount'), '省平台账号（用户名）');
  const takenU = await takenUsernames(accounts.map((a) => a.username).filter(Boolean));
  const takenC = await takenCreditCodes(accounts.map((a) => a.input.creditCode).filter((c) => c.length === 18));
  for (const a of accounts) {
    if (a.username && takenU.has(a.username)) errors.push({ row: a.rowNo, column: label('provincialAccount'), message: `用户名 ${a.username} 已存在` });
    const c = takenC.get(a.input.creditCode);
    if (c) errors.push({ row: a.rowNo, column: label('creditCode'), message: `统一社会信用代码已被${c}使用` });
  }
}

/**
 * Checks the sheet's rows (header first) and answers the accounts to create or every error.
 * Rows are numbered as Excel shows them (the header is row 1).
 */
export async function validateImport(actor: Actor, rows: unknown[][]): Promise<{ errors: ImportError[]; accounts: NewAccount[] }> {
  const { provinceCode } = requireBureau(actor);
  const errors: ImportError[] = [];
  const header = (rows[0] ?? []).map((h) => normaliseCell(h));
  const colField = readHeader(header, errors);
  if (errors.length) return { errors, accounts: [] };
  const parsed = readRows(rows, header, colField, errors);
  if (parsed.length === 0 && errors.length === 0) errors.push({ row: 2, column: '', message: '文件中没有可导入的数据行' });
  if (parsed.length > ACCOUNT_IMPORT_MAX_ROWS) throw tooMany();
  for (const p of parsed) for (const e of accountInputErrors(p.input)) errors.push({ row: p.rowNo, column: label(e.field), message: e.message });
  const accounts = await withUsernames(provinceCode, parsed);
  await duplicateErrors(accounts, errors);
  errors.sort((x, y) => x.row - y.row);
  return { errors, accounts };
}

/** Stores validated accounts in one transaction (batched inserts). */
export async function storeImport(actor: Actor, accounts: NewAccount[]) {
  const { provinceCode, orgId } = requireBureau(actor);
  return writeTx(async (trx: Knex) => {
    // The sequence may have moved since validation: re-check it under the transaction.
    const seqNow = await nextSeq(provinceCode, trx);
    const seqs = accounts.map((a) => a.seq).filter((s): s is number => s !== null);
    if (seqs.length && Math.min(...seqs) < seqNow) throw new DomainError('IMPORT_CONFLICT', '导入期间账号顺序码发生变化，请重新导入', { status: 409 });
    const at = now();
    const docs: string[] = [];
    for (const part of chunks(accounts, 200)) {
      await trx(ACCOUNTS).insert(
        part.map((a) => {
          const documentId = createId();
          docs.push(documentId);
          return {
            document_id: documentId,
            username: a.username,
            provincial_account: a.input.provincialAccount || null,
            company_name: a.input.companyName,
            credit_code: a.input.creditCode,
            legal_person: a.input.legalPerson || null,
            authorised_person: a.input.authorisedPerson || null,
            phone: a.input.phone || null,
            province_code: provinceCode,
            seq: a.seq,
            bureau_org_id: orgId,
            issued: false,
            enabled: true,
            created_at: at,
            updated_at: at,
            published_at: at,
          };
        }),
      );
    }
    const ids: number[] = [];
    for (const part of chunks(docs, 500)) for (const r of await trx(ACCOUNTS).whereIn('document_id', part).select('id')) ids.push(r.id);
    await recordHistory(
      actor,
      ids.map((id) => ({ id, action: 'import', from: null, to: ACCOUNT_STATE.notIssued })),
    );
    return { created: accounts.length };
  });
}

/** 导入 of an uploaded file: all rows valid → all created, else 400 IMPORT_ROWS_INVALID with every error and the sheet. */
export async function importFile(actor: Actor, file: Buffer) {
  requireBureau(actor);
  const { rows } = readSheetRows(file, ACCOUNT_IMPORT_MAX_ROWS + 1);
  if (rows.length - 1 > ACCOUNT_IMPORT_MAX_ROWS + 1) throw tooMany();
  const result = await validateImport(actor, rows);
  if (result.errors.length) {
    throw new DomainError('IMPORT_ROWS_INVALID', `导入失败：共 ${result.errors.length} 处错误，未导入任何数据，请修改后重新导入`, {
      status: 400,
      details: {
        total: result.errors.length,
        rows: result.errors.slice(0, 2000),
        errorFile: errorWorkbook(rows, result.errors).toString('base64'),
        errorFileName: '配送企业账号导入错误.xlsx',
      },
    });
  }
  return storeImport(actor, result.accounts);
}

export default () => ({ importFile, validateImport, storeImport });
