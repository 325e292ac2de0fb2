/**
 * The work of each kind of job (domain/jobs.ts), registered with the runner: each calls the feature's
 * own service with the owner as actor, reports rows done and ends — inside the service's transaction
 * where the work writes (import, issue, rebuild), so a retry after a crash starts clean.
 */
import type { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { JOB_KIND, JOB_STATE } from '../domain/jobs';
import { rebuildStats } from '../db/line-stats';
import type importService from '../api/distributor-account/services/import';
import type loginsService from '../api/distributor-account/services/logins';
import type listService from '../api/distributor-account/services/list';
import type linesService from '../api/order-line/services/lines';
import { accountListInput } from '../api/distributor-account/controllers/distributor-account';
import { lineFilters } from '../api/order-line/controllers/lines';
import { registerJobHandler, type JobContext } from './runner';

const XLSX_FILES = {
  'zh-CN': { lines: '订单明细.xlsx', accounts: '本省配送企业用户列表.xlsx' },
  'en-US': { lines: 'order-lines.xlsx', accounts: 'accounts.xlsx' },
};
type Lang = keyof typeof XLSX_FILES;
const langOf = (ctx: JobContext): Lang => (ctx.job.params.lang === 'en-US' ? 'en-US' : 'zh-CN');

/** An export stream read to its end into one buffer (the rows' progress is reported by the stream's writer). */
async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of stream) parts.push(b as Buffer);
  return Buffer.concat(parts);
}

/** Counts rows for an export's progress as its chunks are written (each report may stop it). */
function rowCounter(ctx: JobContext) {
  let done = 0;
  return {
    onRows: async (n: number) => {
      done += n;
      await ctx.progress(done);
    },
    done: () => done,
  };
}

export function registerJobHandlers(strapi: Core.Strapi) {
  const service = <T>(uid: string) => strapi.service(uid as never) as unknown as T;

  registerJobHandler(JOB_KIND.accountImport, async (ctx) =>
    service<ReturnType<typeof importService>>('api::distributor-account.import').importJob(ctx.actor, await ctx.input(), ctx),
  );

  registerJobHandler(JOB_KIND.accountIssue, async (ctx) => {
    const ids = Array.isArray(ctx.job.params.documentIds) ? (ctx.job.params.documentIds as string[]) : [];
    await ctx.progress(0, ids.length);
    await service<ReturnType<typeof loginsService>>('api::distributor-account.logins').issue(ctx.actor, ids, ctx);
  });

  registerJobHandler(JOB_KIND.orderLinesExport, async (ctx) => {
    const svc = service<ReturnType<typeof linesService>>('api::order-line.lines');
    const f = lineFilters(ctx.job.params.query ?? {});
    const lang = langOf(ctx);
    await ctx.progress(0, (await svc.searchLines(ctx.actor, f, 1, 1)).meta.pagination.total);
    const counter = rowCounter(ctx);
    const content = await collect(svc.exportLines(ctx.actor, f, lang, counter.onRows));
    return { state: JOB_STATE.completed, file: { name: XLSX_FILES[lang].lines, content }, result: { rows: counter.done() }, rowsDone: counter.done() };
  });

  registerJobHandler(JOB_KIND.accountsExport, async (ctx) => {
    const svc = service<ReturnType<typeof listService>>('api::distributor-account.list');
    const { filters, paging } = accountListInput({ ...((ctx.job.params.query as object) ?? {}), pagination: { page: 1, pageSize: 1 } });
    await ctx.progress(0, (await svc.list(ctx.actor, filters, paging)).meta.pagination.total);
    const counter = rowCounter(ctx);
    const content = await collect(svc.exportList(ctx.actor, filters, counter.onRows));
    return {
      state: JOB_STATE.completed,
      file: { name: XLSX_FILES[langOf(ctx)].accounts, content },
      result: { rows: counter.done() },
      rowsDone: counter.done(),
    };
  });

  registerJobHandler(JOB_KIND.statsRebuild, async (ctx) => {
    const k = strapi.db.connection as Knex;
    await ctx.progress(0, Number((await k('order_lines').count({ n: '*' }))[0]?.n ?? 0));
    await strapi.db.transaction(async ({ trx }) => {
      const t = trx as unknown as Knex;
      let lines = 0;
      const counts = await rebuildStats(t, async (done) => {
        lines = done;
        await ctx.progress(done, undefined, t);
      });
      await ctx.endIn(t, { state: JOB_STATE.completed, result: { lines, ...counts }, rowsDone: lines });
    });
  });
}
