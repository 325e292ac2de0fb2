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
  ACCOUNT_STATE,
  accountInputErrors,
  JOB_STATE,
  makeUsername,
  PROVINCIAL_ACCOUNT_RE,
  type AccountField,
} from '../../../domain';
import { DomainError } from '../../../domain/errors';
import type { JobEnd, JobWork } from '../../../db/job-store';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { errorSheetBase64, readSheetRows, type XlsxSource } from '../../../utils/xlsx-upload';
import { errorSheet } from './account-xlsx';
import { readHeader, readRows, REQUIRED_HEADER_KEYS, type ImportError, type ImportSheet, type ParsedRow } from './import-rows';
import { ACCOUNTS, chunks, freeSeqs, nextSeq, recordHistory, requireBureau, takenCreditCodes, takenUsernames, writeTx } from './account-data';

interface NewAccount extends ParsedRow {
  seq: number | null;
  username: string;
}

const label = (f: AccountField) => ACCOUNT_FIELD_LABELS[f].zh;
const tooMany = () => new DomainError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${ACCOUNT_IMPORT_MAX_ROWS} 行（当前超过上限）`, { status: 400, field: 'file' });

/**
 * Usernames in file order: a row's provincial account, or the province's next free sequence number
 * (skipping usernames taken on the platform or by the file's own provincial accounts).
 */
async function withUsernames(provinceCode: string, parsed: ParsedRow[], k?: Knex): Promise<NewAccount[]> {
  const own = (p: ParsedRow) =>
    p.input.provincialAccount && !p.explained.has('provincialAccount') && PROVINCIAL_ACCOUNT_RE.test(p.input.provincialAccount)
      ? makeUsername(provinceCode, p.input.provincialAccount)
      : '';
  const reserved = parsed.map(own).filter(Boolean);
  const seqs = await freeSeqs(provinceCode, parsed.filter((p) => !p.input.provincialAccount).length, k, reserved);
  let next = 0;
  return parsed.map((p) => {
    if (p.input.provincialAccount) return { ...p, seq: null, username: own(p) };
    const seq = seqs[next++]!;
    return { ...p, seq, username: makeUsername(provinceCode, null, seq) };
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
export async function validateImport(actor: Actor, sheet: ImportSheet): Promise<{ errors: ImportError[]; accounts: NewAccount[] }> {
  const { provinceCode } = requireBureau(actor);
  const errors: ImportError[] = [];
  const { header, colField } = readHeader(sheet, errors);
  if (errors.length) return { errors, accounts: [] };
  const parsed = readRows(sheet, header, colField, errors);
  if (parsed.length === 0 && errors.length === 0) errors.push({ row: sheet.headerRow + 1, column: '', message: '文件中没有可导入的数据行' });
  if (parsed.length > ACCOUNT_IMPORT_MAX_ROWS) throw tooMany();
  for (const p of parsed) {
    for (const e of accountInputErrors(p.input)) if (!p.explained.has(e.field)) errors.push({ row: p.rowNo, column: label(e.field), message: e.message });
  }
  const accounts = await withUsernames(provinceCode, parsed);
  await duplicateErrors(accounts, errors);
  errors.sort((x, y) => x.row - y.row);
  return { errors, accounts };
}

/** Stores validated accounts in one transaction (batched inserts); as a job, it reports rows stored and ends inside it. */
export async function storeImport(actor: Actor, accounts: NewAccount[], work?: JobWork) {
  const { provinceCode, orgId } = requireBureau(actor);
  return writeTx(async (trx: Knex) => {
    // The sequence or the taken usernames may have moved since validation: re-checked under the transaction.
    const seqNow = await nextSeq(provinceCode, trx);
    const seqs = accounts.map((a) => a.seq).filter((s): s is number => s !== null);
    const clash =
      (
        await takenUsernames(
          accounts.map((a) => a.username),
          trx,
        )
      ).size > 0;
    if (clash || (seqs.length && Math.min(...seqs) < seqNow))
      throw new DomainError('IMPORT_CONFLICT', '导入期间账号顺序码发生变化，请重新导入', { status: 409 });
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
      await work?.progress(docs.length, accounts.length, trx);
    }
    const ids: number[] = [];
    for (const part of chunks(docs, 500)) for (const r of await trx(ACCOUNTS).whereIn('document_id', part).select('id')) ids.push(r.id);
    await recordHistory(
      actor,
      ids.map((id) => ({ id, action: 'import', from: null, to: ACCOUNT_STATE.notIssued })),
    );
    await work?.endIn(trx, { state: JOB_STATE.completed, result: { created: accounts.length }, rowsDone: accounts.length });
    return { created: accounts.length };
  });
}

const ERROR_FILE_NAME = '配送企业账号导入错误.xlsx';
const invalidMessage = (n: number) => `导入失败：共 ${n} 处错误，未导入任何数据，请修改后重新导入`;

async function checkedFile(actor: Actor, file: XlsxSource) {
  requireBureau(actor);
  const sheet = await readSheetRows(file, ACCOUNT_IMPORT_MAX_ROWS + 1, { required: REQUIRED_HEADER_KEYS });
  if (sheet.rows.length - 1 > ACCOUNT_IMPORT_MAX_ROWS + 1) throw tooMany();
  return { sheet, ...(await validateImport(actor, sheet)) };
}

/** 导入 of an uploaded file: all rows valid → all created, else 400 IMPORT_ROWS_INVALID with every error and the sheet. */
export async function importFile(actor: Actor, file: XlsxSource) {
  const { sheet, errors, accounts } = await checkedFile(actor, file);
  if (errors.length) {
    throw new DomainError('IMPORT_ROWS_INVALID', invalidMessage(errors.length), {
      status: 400,
      details: {
        total: errors.length,
        rows: errors.slice(0, 2000),
        errorFile: await errorSheetBase64(errorSheet(sheet.rows, errors, sheet.headerRow)),
        errorFileName: ERROR_FILE_NAME,
      },
    });
  }
  return storeImport(actor, accounts);
}

/**
 * 导入 as a job (db/job-store.ts): the same checks; errors end the job failed with the error sheet to
 * download; else the rows are stored and the job ends in one transaction (a retry starts clean).
 */
export async function importJob(actor: Actor, file: XlsxSource, work: JobWork): Promise<JobEnd | void> {
  const { sheet, errors, accounts } = await checkedFile(actor, file);
  await work.progress(0, accounts.length);
  if (!errors.length) return void (await storeImport(actor, accounts, work));
  return {
    state: JOB_STATE.failed,
    error: { code: 'IMPORT_ROWS_INVALID', message: invalidMessage(errors.length) },
    result: { total: errors.length, rows: errors.slice(0, 200) },
    file: { name: ERROR_FILE_NAME, content: Buffer.from(await errorSheetBase64(errorSheet(sheet.rows, errors, sheet.headerRow)), 'base64') },
  };
}

export default () => ({ importFile, importJob, validateImport, storeImport });
