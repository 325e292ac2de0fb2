/** 批量配送 over HTTP: parse with the schemas of ../schemas.ts, call api::delivery.batch-deliveries / delivery-sheet, answer. */
import { requireActor } from '../../../scope';
import { parseInput, readPaging } from '../../../utils/query';
import { requestBody, type HttpContext } from '../../../utils/http';
import { readUploadedFile } from '../../../utils/xlsx-upload';
import { batchDeliveryBody, batchHospitalsQuery, batchTemplateQuery } from '../schemas';
import type batchService from '../services/batch-deliveries';
import type sheetService from '../services/delivery-sheet';

const batch = () => strapi.service('api::delivery.batch-deliveries') as unknown as ReturnType<typeof batchService>;
const sheet = () => strapi.service('api::delivery.delivery-sheet') as unknown as ReturnType<typeof sheetService>;

export default {
  /** GET /order-deliveries/batch/hospitals */
  async hospitals(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = readPaging(ctx.query, { pageSize: 50, max: 200 });
    ctx.body = await batch().hospitals(actor, parseInput(batchHospitalsQuery, ctx.query), page, pageSize);
  },

  /** POST /order-deliveries/batch */
  async deliver(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await batch().deliverBatch(actor, parseInput(batchDeliveryBody, requestBody(ctx)));
  },

  /** POST /order-deliveries/batch/preview (multipart `file`): the sheet's rows for the editable table, nothing written. */
  async preview(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await sheet().previewSheet(actor, readUploadedFile(ctx)) };
  },

  /** GET /order-deliveries/batch/template[?hospital=<id>] */
  async template(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const q = parseInput(batchTemplateQuery, ctx.query);
    const name = '批量配送单模板.xlsx';
    ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    ctx.set('Content-Disposition', `attachment; filename="delivery-sheet.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    ctx.body = await sheet().templateWorkbook(actor, q.hospital);
  },
};
