/** Return requests over HTTP: parse, call api::return-request.returns, answer. */
import { z } from 'zod';
import { returnMachine } from '../../../domain';
import { requireActor } from '../../../scope';
import { enumList, parseInput, readPaging, searchTerm } from '../../../utils/query';
import type returnsService from '../services/returns';
import { requestBody, type HttpContext } from '../../../utils/http';

const svc = () => strapi.service('api::return-request.returns') as unknown as ReturnType<typeof returnsService>;

/** The list's filters (also read by the export). */
export const listQuery = z.object({ status: enumList(returnMachine.stateNames, '退货状态筛选条件不正确'), q: searchTerm });

export default {
  async request(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().requestReturn(actor, String(ctx.params.id), requestBody(ctx));
  },

  async list(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = readPaging(ctx.query, { pageSize: 20, max: 200 });
    ctx.body = await svc().searchReturns(actor, parseInput(listQuery, ctx.query), page, pageSize);
  },

  async agree(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().answerReturn(actor, String(ctx.params.id), 'agree');
  },

  async refuse(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().answerReturn(actor, String(ctx.params.id), 'refuse', requestBody(ctx).reason);
  },
};
