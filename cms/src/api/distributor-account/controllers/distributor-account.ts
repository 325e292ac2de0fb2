/**
 * 配送企业管理 (manual 000): thin handlers. Every query and body is parsed here (bad parameters
 * answer 400), the work is done by the services list, write, logins and import.
 */
import { factories } from '@strapi/strapi';
import { z } from 'zod';
import {
  ACCOUNT_FIELD_INPUT_MAX,
  ACCOUNT_FIELD_LABELS,
  ACCOUNT_FIELDS,
  ACCOUNT_LIST_MAX_PAGE_SIZE,
  ACCOUNT_LIST_PAGE_SIZE,
  ACCOUNT_SORT_FIELDS,
  JOB_KIND,
} from '../../../domain';
import { DomainError } from '../../../domain/errors';
import { requireActor } from '../../../scope';
import { boolParam, parseInput, readPaging, refuseBody, searchTerm, sortParam } from '../../../utils/query';
import { sendXlsx } from '../../../utils/xlsx-export';
import { readUploadedFile, uploadedBytes } from '../../../utils/xlsx-upload';
import { templateWorkbook } from '../services/account-xlsx';
import { requireBureau } from '../services/account-data';
import type importService from '../services/import';
import type initialPasswordService from '../services/initial-password';
import type listService from '../services/list';
import type loginsService from '../services/logins';
import type writeService from '../services/write';
import type jobsService from '../../job/services/jobs';
import type { HttpContext } from '../../../utils/http';

type Services = {
  'initial-password': ReturnType<typeof initialPasswordService>;
  list: ReturnType<typeof listService>;
  write: ReturnType<typeof writeService>;
  logins: ReturnType<typeof loginsService>;
  import: ReturnType<typeof importService>;
};
const jobs = () => strapi.service('api::job.jobs') as unknown as ReturnType<typeof jobsService>;
const service = <K extends keyof Services>(name: K): Services[K] => strapi.service(`api::distributor-account.${name}`) as unknown as Services[K];

const FILTERS = ['username', 'companyName', 'provincialAccount', 'enabled', 'issued', 'loggedIn'] as const;

/** `name=x`, or Strapi's `filters[name][$op]=x` as the panel's data provider sends it. */
function flattenFilters(q: unknown): unknown {
  if (typeof q !== 'object' || q === null) return q;
  const query = q as Record<string, unknown>;
  const filters = typeof query.filters === 'object' && query.filters !== null ? (query.filters as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...query };
  for (const name of FILTERS) {
    const f = filters[name];
    if (out[name] === undefined && f !== undefined) out[name] = typeof f === 'object' && f !== null && !Array.isArray(f) ? Object.values(f)[0] : f;
  }
  return out;
}

export const accountListQuery = z.preprocess(
  flattenFilters,
  z.object({
    username: searchTerm,
    companyName: searchTerm,
    provincialAccount: searchTerm,
    enabled: boolParam,
    issued: boolParam,
    loggedIn: boolParam,
    sort: sortParam(ACCOUNT_SORT_FIELDS, { field: 'createdAt', dir: 'desc' }),
  }),
);

const documentIdParam = z.object({
  documentId: z.string({ message: '记录标识无效' }).min(1, { message: '记录标识无效' }).max(64, { message: '记录标识无效' }),
});

export const previewQuery = z.object({
  provincialAccount: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v),
    z.string({ message: '省平台账号格式不正确' }).max(100, { message: '省平台账号过长' }).optional(),
  ),
});

/** The request carries the fields under `data` (Strapi's shape) or bare. */
const unwrapData = (b: unknown) => (typeof b === 'object' && b !== null && 'data' in b ? (b as { data: unknown }).data : (b ?? {}));

const fieldValue = (zh: string) =>
  z.preprocess(
    // Only an integer JSON holds exactly reads as its digits: 1e309 is Infinity, 2^53 + 1 has lost its last digit.
    (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v),
    z
      .string({ message: `${zh}格式不正确` })
      .max(ACCOUNT_FIELD_INPUT_MAX, { message: `${zh}过长` })
      .nullish(),
  );
export const accountBody = z.preprocess(
  unwrapData,
  z.object(
    Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, fieldValue(ACCOUNT_FIELD_LABELS[f].zh)])) as {
      [F in (typeof ACCOUNT_FIELDS)[number]]: ReturnType<typeof fieldValue>;
    },
    {
      message: '请求格式不正确',
    },
  ),
);

const selection = '请选择要发放的账号';
export const issueBody = z.preprocess(
  unwrapData,
  z.object(
    {
      documentIds: z
        .array(z.string({ message: selection }).min(1, { message: selection }).max(64, { message: selection }), { message: selection })
        .min(1, { message: selection }),
    },
    { message: selection },
  ),
);

const PASSWORD_REQUIRED = '请输入初始密码并确认';
/** `{ password, passwordConfirmation }` typed by the administrator, or `{ generate: true }` for a random one. */
export const initialPasswordBody = z.preprocess(
  unwrapData,
  z.union(
    [
      z.object({ generate: z.literal(true, { message: '参数 generate 只能为 true' }) }, { message: PASSWORD_REQUIRED }).strict(),
      z.object(
        {
          password: z.string({ message: PASSWORD_REQUIRED }).min(1, { message: PASSWORD_REQUIRED }).max(64, { message: '密码不能超过64位' }),
          passwordConfirmation: z.string({ message: PASSWORD_REQUIRED }).max(64, { message: '密码不能超过64位' }),
        },
        { message: PASSWORD_REQUIRED },
      ),
    ],
    { message: PASSWORD_REQUIRED },
  ),
);

export const accountListInput = (query: unknown) => ({
  filters: parseInput(accountListQuery, query, 'FILTER_INVALID'),
  paging: readPaging(query, { pageSize: ACCOUNT_LIST_PAGE_SIZE, max: ACCOUNT_LIST_MAX_PAGE_SIZE }),
});
const documentId = (ctx: HttpContext) => parseInput(documentIdParam, ctx.params).documentId;

export default factories.createCoreController('api::distributor-account.distributor-account', () => ({
  async manageList(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { filters, paging } = accountListInput(ctx.query);
    ctx.body = await service('list').list(actor, filters, paging);
  },
  async manageOne(ctx: HttpContext) {
    ctx.body = { data: await service('list').findOne(await requireActor(ctx), documentId(ctx)) };
  },
  async exportList(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { filters } = accountListInput(ctx.query);
    sendXlsx(ctx, '本省配送企业用户列表.xlsx', service('list').exportList(actor, filters));
  },
  async usernamePreview(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { provincialAccount } = parseInput(previewQuery, ctx.query);
    ctx.body = { data: await service('write').previewUsername(actor, provincialAccount) };
  },
  async manageCreate(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service('write').create(actor, parseInput(accountBody, ctx.request.body, 'ACCOUNT_INVALID')) };
  },
  async manageUpdate(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service('write').update(actor, documentId(ctx), parseInput(accountBody, ctx.request.body, 'ACCOUNT_INVALID')) };
  },
  async manageDelete(ctx: HttpContext) {
    ctx.body = { data: await service('write').remove(await requireActor(ctx), documentId(ctx)) };
  },
  async issue(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { documentIds } = parseInput(issueBody, ctx.request.body, 'ISSUE_SELECTION_REQUIRED');
    ctx.body = { data: await service('logins').issue(actor, documentIds) };
  },
  async enable(ctx: HttpContext) {
    ctx.body = { data: await service('logins').setEnabled(await requireActor(ctx), documentId(ctx), true) };
  },
  async disable(ctx: HttpContext) {
    ctx.body = { data: await service('logins').setEnabled(await requireActor(ctx), documentId(ctx), false) };
  },
  async resetPassword(ctx: HttpContext) {
    ctx.body = { data: await service('logins').resetPassword(await requireActor(ctx), documentId(ctx)) };
  },
  async unlock(ctx: HttpContext) {
    ctx.body = { data: await service('logins').unlock(await requireActor(ctx), documentId(ctx)) };
  },
  /** GET …/initial-password — whether the bureau has an initial password (never the password). */
  async initialPasswordState(ctx: HttpContext) {
    ctx.body = { data: await service('initial-password').initialPasswordState(await requireActor(ctx)) };
  },
  /**
   * PUT …/initial-password `{ password, passwordConfirmation }` or `{ generate: true }` (answered once as
   * `initialPassword`) — for accounts issued or reset from now on.
   */
  async setInitialPassword(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const b = parseInput(initialPasswordBody, ctx.request.body, 'PASSWORD_FIELDS_REQUIRED');
    const s = service('initial-password');
    ctx.body = { data: 'generate' in b ? await s.generateInitialPassword(actor) : await s.setInitialPassword(actor, b.password, b.passwordConfirmation) };
  },
  async template(ctx: HttpContext) {
    await requireActor(ctx);
    const name = '配送企业账号导入模板.xlsx';
    ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    ctx.set('Content-Disposition', `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    ctx.body = templateWorkbook();
  },
  /** 导出 as a job: the list's filters, checked now; answers the queued job. */
  async exportJob(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    refuseBody(ctx.request.body);
    accountListInput(ctx.query);
    ctx.status = 202;
    ctx.body = { data: await jobs().create(actor, JOB_KIND.accountsExport, { query: ctx.query }) };
  },
  /** 导入 as a job: multipart `file`, kept with the job (a retry reads it again); answers the queued job. */
  async importJob(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    requireBureau(actor);
    const content = await uploadedBytes(readUploadedFile(ctx));
    ctx.status = 202;
    ctx.body = { data: await jobs().create(actor, JOB_KIND.accountImport, {}, { input: { name: 'accounts.xlsx', content } }) };
  },
  /** 发放 as a job: the bureau's initial password must be set first (a job answers no generated password). */
  async issueJob(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { documentIds } = parseInput(issueBody, ctx.request.body, 'ISSUE_SELECTION_REQUIRED');
    if (!(await service('initial-password').initialPasswordState(actor)).initialPasswordSet)
      throw new DomainError('INITIAL_PASSWORD_REQUIRED', '请先设置初始密码，再批量发放账号', { status: 409 });
    const ids = [...new Set(documentIds)];
    ctx.status = 202;
    ctx.body = { data: await jobs().create(actor, JOB_KIND.accountIssue, { documentIds: ids }, { rowsTotal: ids.length }) };
  },
  /** 导入: multipart `file`. */
  async importFile(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service('import').importFile(actor, readUploadedFile(ctx)) };
  },
}));
