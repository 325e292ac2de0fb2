import { factories } from '@strapi/strapi';
import { DomainError } from '../../../domain/errors';
import { requireActor } from '../../../scope';
import { readSheetRows, readUploadedFile } from '../../../utils/xlsx-upload';
import * as accounts from '../services/accounts';
import { errorWorkbook, exportWorkbook, templateWorkbook } from '../services/account-xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ctx: any, name: string, buf: Buffer) => {
  ctx.set('Content-Type', XLSX_TYPE);
  ctx.set('Content-Disposition', `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  ctx.body = buf;
};

/** 配送企业管理: thin handlers over services/accounts.ts (see there for the rules). */
export default factories.createCoreController('api::distributor-account.distributor-account', () => ({
  async manageList(ctx: any) {
    ctx.body = await accounts.list(await requireActor(ctx), ctx.query);
  },
  async manageOne(ctx: any) {
    ctx.body = { data: await accounts.findOne(await requireActor(ctx), ctx.params.documentId) };
  },
  async usernamePreview(ctx: any) {
    ctx.body = { data: await accounts.previewUsername(await requireActor(ctx), ctx.query?.provincialAccount ?? '') };
  },
  async manageCreate(ctx: any) {
    ctx.body = { data: await accounts.create(await requireActor(ctx), ctx.request.body) };
  },
  async manageUpdate(ctx: any) {
    ctx.body = { data: await accounts.update(await requireActor(ctx), ctx.params.documentId, ctx.request.body) };
  },
  async manageDelete(ctx: any) {
    ctx.body = { data: await accounts.remove(await requireActor(ctx), ctx.params.documentId) };
  },
  async issue(ctx: any) {
    ctx.body = { data: await accounts.issue(await requireActor(ctx), ctx.request.body) };
  },
  async enable(ctx: any) {
    ctx.body = { data: await accounts.setEnabled(await requireActor(ctx), ctx.params.documentId, true) };
  },
  async disable(ctx: any) {
    ctx.body = { data: await accounts.setEnabled(await requireActor(ctx), ctx.params.documentId, false) };
  },
  async resetPassword(ctx: any) {
    ctx.body = { data: await accounts.resetPassword(await requireActor(ctx), ctx.params.documentId) };
  },
  async template(ctx: any) {
    await requireActor(ctx);
    attachment(ctx, '配送企业账号导入模板.xlsx', templateWorkbook());
  },
  async exportList(ctx: any) {
    const actor = await requireActor(ctx);
    const q = { ...ctx.query, pagination: { page: 1, pageSize: 20000 } };
    const body = await accounts.list(actor, q, 20000);
    attachment(ctx, '本省配送企业用户列表.xlsx', exportWorkbook(body.data as any));
  },
  /** 导入: multipart `file`; all rows valid → all created, else 400 with every error and the sheet with an error column. */
  async importFile(ctx: any) {
    const actor = await requireActor(ctx);
    const { buffer } = readUploadedFile(ctx);
    const { rows } = readSheetRows(buffer, accounts.IMPORT_MAX_ROWS + 1);
    const dataRows = rows.length - 1;
    if (dataRows > accounts.IMPORT_MAX_ROWS + 1) {
      throw new DomainError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${accounts.IMPORT_MAX_ROWS} 行`, { status: 400, field: 'file' });
    }
    const result = await accounts.validateImport(actor, rows);
    if (result.errors.length) {
      const file = errorWorkbook(rows, result.errors);
      throw new DomainError('IMPORT_ROWS_INVALID', `导入失败：共 ${result.errors.length} 处错误，未导入任何数据，请修改后重新导入`, {
        status: 400,
        details: {
          total: result.errors.length,
          rows: result.errors.slice(0, 2000),
          errorFile: file.toString('base64'),
          errorFileName: '配送企业账号导入错误.xlsx',
        },
      });
    }
    ctx.body = { data: await accounts.storeImport(actor, result.accounts) };
  },
}));
