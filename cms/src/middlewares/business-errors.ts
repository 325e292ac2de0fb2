import { DomainError } from '../domain/errors';

interface ErrorContext {
  status: number;
  body: unknown;
}
const isDomainError = (err: unknown): err is DomainError => err instanceof DomainError || (err as Error | null)?.name === 'DomainError';
const statusOf = (err: unknown) => {
  const e = err as { status?: number; statusCode?: number } | null;
  return e?.status ?? e?.statusCode;
};

/**
 * Answers a DomainError thrown anywhere below as Strapi's error envelope with a stable code and a
 * Chinese message; `details.errors` carries field errors the panel shows next to the inputs.
 */
export default () => async (ctx: ErrorContext, next: () => Promise<void>) => {
  try {
    await next();
    const body = ctx.body as { error?: { details?: { code?: string } } } | null;
    if (ctx.status === 413 && body?.error && !body.error.details?.code) {
      // The body parser's upload limit (config/middlewares.ts: formidable maxFileSize 5 MB) answers in English.
      throw new DomainError('UPLOAD_TOO_LARGE', '上传的文件过大：最大 5 MB', { status: 413, field: 'file' });
    }
  } catch (caught: unknown) {
    let err = caught;
    if (statusOf(err) === 413 && !(err instanceof DomainError)) {
      // The body parser's upload limit (config/middlewares.ts: 5 MB).
      err = new DomainError('UPLOAD_TOO_LARGE', '上传的文件过大：最大 5 MB', { status: 413, field: 'file' });
    }
    if (!isDomainError(err)) throw err;
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
};
