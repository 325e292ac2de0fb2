import { DomainError } from '../domain/errors';

/**
 * Answers a DomainError thrown anywhere below as Strapi's error envelope with a stable code and a
 * Chinese message; `details.errors` carries field errors the panel shows next to the inputs.
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (err: any) {
    if (!(err instanceof DomainError) && err?.name !== 'DomainError') throw err;
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
