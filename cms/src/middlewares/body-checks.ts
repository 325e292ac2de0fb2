import { DomainError } from '../domain/errors';
import { bodyShapeProblem } from '../utils/refusals';
import { BODY_READ } from './body-guard';

/** What the checks read and write of Koa's context. */
interface ChecksContext {
  method: string;
  request: { body?: unknown };
  state: Record<string, unknown>;
}

/**
 * Sits just after strapi::body: marks the body as read (body-guard), gives routes `{}` instead of
 * `undefined` when nothing was sent, and refuses keys no field is named after (`toString`,
 * `__proto__` …) or absurd nesting, which would otherwise crash a `String(value)` deep in a service.
 */
export default () => async (ctx: ChecksContext, next: () => Promise<void>) => {
  ctx.state[BODY_READ] = true;
  if (ctx.request.body === undefined && ctx.method !== 'GET' && ctx.method !== 'HEAD') ctx.request.body = {};
  const problem = bodyShapeProblem(ctx.request.body);
  if (problem) throw new DomainError('INVALID_BODY', `请求内容格式不正确：${problem}`, { status: 400 });
  return next();
};
