/** Jobs over HTTP: parse, call api::job.jobs, answer. */
import { z } from 'zod';
import { requireActor } from '../../../scope';
import { parseInput } from '../../../utils/query';
import type { HttpContext } from '../../../utils/http';
import type jobsService from '../services/jobs';

const svc = () => strapi.service('api::job.jobs') as unknown as ReturnType<typeof jobsService>;
const JOB_ID = '任务标识无效';
export const jobIdParam = z.object({ id: z.string({ message: JOB_ID }).min(1, { message: JOB_ID }).max(64, { message: JOB_ID }) });
const idOf = (ctx: HttpContext) => parseInput(jobIdParam, ctx.params, 'JOB_ID_INVALID').id;

export default {
  async show(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await svc().show(actor, idOf(ctx), ctx.query.lang === 'en-US' ? 'en-US' : 'zh-CN') };
  },
  async cancel(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await svc().cancel(actor, idOf(ctx)) };
  },
  async file(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const f = await svc().file(actor, idOf(ctx));
    ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    ctx.set('Content-Disposition', `attachment; filename="job.xlsx"; filename*=UTF-8''${encodeURIComponent(f.name)}`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = f.content;
  },
};
