/** 经办人 (operators) of the caller's organisation: thin handlers over services/operators.ts. */
import { z } from 'zod';
import { requireActor } from '../../../scope';
import { textField, unwrapData } from '../../../utils/body';
import type { HttpContext } from '../../../utils/http';
import { idParam, parseInput } from '../../../utils/query';
import type operatorsService from '../services/operators';

const service = () => strapi.service('api::organisation.operators') as unknown as ReturnType<typeof operatorsService>;
export const operatorBody = z.preprocess(
  unwrapData,
  z.object({ name: textField('姓名', 200), phone: textField('联系电话', 200), username: textField('用户名', 200) }, { message: '请求格式不正确' }),
);
const id = (ctx: HttpContext) => parseInput(z.object({ id: idParam('经办人标识无效') }), ctx.params).id ?? 0;

export default {
  async list(ctx: HttpContext) {
    ctx.body = { data: await service().list(await requireActor(ctx)) };
  },
  async create(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service().create(actor, parseInput(operatorBody, ctx.request.body, 'OPERATOR_INVALID')) };
  },
  async update(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service().update(actor, id(ctx), parseInput(operatorBody, ctx.request.body, 'OPERATOR_INVALID')) };
  },
  async enable(ctx: HttpContext) {
    ctx.body = { data: await service().setEnabled(await requireActor(ctx), id(ctx), true) };
  },
  async disable(ctx: HttpContext) {
    ctx.body = { data: await service().setEnabled(await requireActor(ctx), id(ctx), false) };
  },
  async resetPassword(ctx: HttpContext) {
    ctx.body = { data: await service().resetPassword(await requireActor(ctx), id(ctx)) };
  },
};
