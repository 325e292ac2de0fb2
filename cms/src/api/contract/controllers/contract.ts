/**
 * Thin controller of 三方合同 and 约定采购量: the caller, the raw query or body, one service call.
 */
import { factories } from '@strapi/strapi';
import { chinaDate, DomainError } from '../../../domain';
import { requireActor } from '../../../scope';
import { now } from '../../../utils/clock';
import { requestBody, type HttpContext } from '../../../utils/http';
import { sendXlsx } from '../../../utils/xlsx-export';
import { readUploadedFile } from '../../../utils/xlsx-upload';
import type readsService from '../services/contract';
import { contractPdf } from '../services/contract-pdf';
import { refuse, sign } from '../services/contract-signing';
import { distributors, list as volumeList, pick } from '../services/contract-volume';
import { importFile, templateWorkbook } from '../services/volume-import';

const reads = () => strapi.service('api::contract.contract') as unknown as ReturnType<typeof readsService>;
const documentId = (ctx: HttpContext) => String(ctx.params?.documentId ?? '');

function attachment(ctx: HttpContext, type: string, name: string, body: Buffer) {
  ctx.set('Content-Type', type);
  ctx.set('Content-Disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  ctx.body = body;
}

export default factories.createCoreController('api::contract.contract', () => ({
  async search(ctx: HttpContext) {
    ctx.body = await reads().list(await requireActor(ctx), ctx.query);
  },
  async detail(ctx: HttpContext) {
    ctx.body = await reads().detail(await requireActor(ctx), documentId(ctx));
  },
  async exportList(ctx: HttpContext) {
    sendXlsx(ctx, `三方合同-${chinaDate(now())}.xlsx`, reads().exportXlsx(await requireActor(ctx), ctx.query));
  },
  async content(ctx: HttpContext) {
    const bytes = await reads().content(await requireActor(ctx), documentId(ctx));
    attachment(ctx, 'application/octet-stream', 'content.bin', bytes);
  },
  async signatureFile(ctx: HttpContext) {
    const m = /^([a-z]+)\.p7s$/.exec(String(ctx.params?.file ?? ''));
    if (!m) throw new DomainError('PARTY_INVALID', '签名文件名应为 hospital.p7s、manufacturer.p7s 或 distributor.p7s', { status: 400, field: 'party' });
    const der = await reads().signature(await requireActor(ctx), documentId(ctx), m[1]!);
    attachment(ctx, 'application/pkcs7-signature', `${m[1]}.p7s`, der);
  },
  async pdf(ctx: HttpContext) {
    const { data } = await reads().detail(await requireActor(ctx), documentId(ctx));
    attachment(ctx, 'application/pdf', `三方合同-${data.code}.pdf`, await contractPdf(data, data.signatures));
  },
  async sign(ctx: HttpContext) {
    ctx.body = { data: await sign(await requireActor(ctx), documentId(ctx), requestBody(ctx)) };
  },
  async refuse(ctx: HttpContext) {
    ctx.body = { data: await refuse(await requireActor(ctx), documentId(ctx), requestBody(ctx)) };
  },
  async volumes(ctx: HttpContext) {
    ctx.body = await volumeList(await requireActor(ctx), ctx.query);
  },
  async volumeDistributors(ctx: HttpContext) {
    ctx.body = await distributors(await requireActor(ctx), documentId(ctx));
  },
  async pick(ctx: HttpContext) {
    ctx.body = { data: await pick(await requireActor(ctx), documentId(ctx), requestBody(ctx)) };
  },
  async volumeTemplate(ctx: HttpContext) {
    await requireActor(ctx);
    attachment(ctx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '约定采购量导入模板.xlsx', templateWorkbook());
  },
  /** POST /api/test/contracts/:documentId/tamper (test env only): the stored content with its last digit changed. */
  async testTamper(ctx: HttpContext) {
    if (process.env.NODE_ENV !== 'test') return ctx.notFound?.();
    const row = await strapi.db
      .connection('contracts')
      .where({ document_id: documentId(ctx) })
      .first('id', 'content');
    if (!row) return ctx.notFound?.();
    const text = String(row.content).replace(/(\d)(?!.*\d)/, (d: string) => String((Number(d) + 1) % 10));
    await strapi.db.connection('contracts').where({ id: row.id }).update({ content: text });
    ctx.body = { data: { tampered: true } };
  },
  async volumeImport(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await importFile(actor, readUploadedFile(ctx)) };
  },
}));
