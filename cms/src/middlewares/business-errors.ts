import { errors } from '@strapi/utils';
import { DomainError } from '../domain/errors';
import { chineseRefusal, isCodedRefusal } from '../utils/refusals';

interface ErrorContext {
  path: string;
  status: number;
  body: unknown;
}
const isDomainError = (err: unknown): err is DomainError => err instanceof DomainError || (err as Error | null)?.name === 'DomainError';
// Strapi's error classes carry no status; its errors middleware maps them as below (anything else: 400).
const APPLICATION_STATUS: Array<[new (...args: never[]) => Error, number]> = [
  [errors.UnauthorizedError, 401],
  [errors.ForbiddenError, 403],
  [errors.NotFoundError, 404],
  [errors.PayloadTooLargeError, 413],
  [errors.RateLimitError, 429],
  [errors.NotImplementedError, 501],
];
const statusOf = (err: unknown) => {
  if (err instanceof errors.ApplicationError) return APPLICATION_STATUS.find(([cls]) => err instanceof cls)?.[1] ?? 400;
  const e = err as { status?: number; statusCode?: number } | null;
  return e?.status ?? e?.statusCode;
};
// Strapi's own admin panel reads its own error texts: only the public API's refusals are rewritten.
const isPublicApi = (path: string) => path === '/api' || path.startsWith('/api/');

function answer(ctx: ErrorContext, err: DomainError) {
  ctx.status = err.status ?? 409;
  const errors = err.field ? [{ path: [err.field], message: err.message, name: err.code }] : undefined;
  ctx.body = {
    data: null,
    error: {
      status: ctx.status,
      name: 'BusinessError',
      message: err.message,
      details: { code: err.code, ...(err.field ? { field: err.field } : {}), ...(errors ? { errors } : {}), ...(err.details ? { info: err.details } : {}) },
    },
  };
}

/**
 * Answers a DomainError thrown anywhere below as Strapi's error envelope with a stable code and a
 * Chinese message; `details.errors` carries field errors the panel shows next to the inputs. Under
 * /api, Strapi's own refusals (thrown, or written by its router: 404, 405) get the same treatment.
 */
export default () => async (ctx: ErrorContext, next: () => Promise<void>) => {
  try {
    await next();
    if (ctx.status === 413 && !isCodedRefusal(ctx.body)) {
      // The body parser's upload limit (config/middlewares.ts: formidable maxFileSize 5 MB) answers in English.
      return answer(ctx, new DomainError('UPLOAD_TOO_LARGE', '上传的文件过大：最大 5 MB', { status: 413, field: 'file' }));
    }
    if (ctx.status === 404 && ctx.body == null && isPublicApi(ctx.path)) {
      // No route matched: Strapi's errors middleware would answer its English 404 after us.
      ctx.body = chineseRefusal(404, 'NotFoundError', null, null);
      ctx.status = 404;
    } else if (ctx.status >= 400 && ctx.status < 500 && isPublicApi(ctx.path) && !isCodedRefusal(ctx.body)) {
      const error = (ctx.body as { error?: { name?: string; message?: unknown; details?: unknown } } | null)?.error;
      const status = ctx.status;
      ctx.body = chineseRefusal(status, error?.name ?? 'Error', error?.message, error?.details);
      ctx.status = status;
    }
  } catch (caught: unknown) {
    let err = caught;
    if (statusOf(err) === 413 && !isDomainError(err)) {
      // The body parser's upload limit (config/middlewares.ts: 5 MB).
      err = new DomainError('UPLOAD_TOO_LARGE', '上传的文件过大：最大 5 MB', { status: 413, field: 'file' });
    }
    if (isDomainError(err)) return answer(ctx, err);
    const status = statusOf(err);
    if (typeof status !== 'number' || status < 400 || status >= 500 || !isPublicApi(ctx.path)) throw err;
    const e = err as { name?: string; message?: string; details?: unknown };
    ctx.body = chineseRefusal(status, e.name ?? 'Error', e.message, e.details);
    ctx.status = status;
  }
};
