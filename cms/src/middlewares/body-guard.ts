import { DomainError, isDomainError } from '../domain/errors';
import { bodyParseRefusal } from '../utils/refusals';

/** What the guard reads of Koa's context. */
interface GuardContext {
  method: string;
  req: { headers: Record<string, string | string[] | undefined> };
  get(field: string): string;
  state: Record<string, unknown>;
}

/** Set by body-checks (right after strapi::body): the body was read, later errors are not the parser's. */
export const BODY_READ = 'bodyRead';

// JSON, urlencoded forms and multipart uploads: what strapi::body parses and our routes accept.
const PARSED_TYPES = /^\s*(application\/(json|[\w.+-]+\+json|x-www-form-urlencoded)|multipart\/form-data)\s*(;|$)/i;

const hasBody = (headers: GuardContext['req']['headers']) =>
  headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && Number(headers['content-length']) > 0);

/**
 * Sits just before strapi::body (config/middlewares.ts). A body of a type the parser skips would reach
 * the routes as `undefined` (415 instead); a multipart body without a boundary, a truncated one, or a
 * body declared gzip / deflate / br that is not, makes the parser throw: 400 with a code, never 500.
 */
export default () => async (ctx: GuardContext, next: () => Promise<void>) => {
  const type = ctx.get('content-type');
  if (hasBody(ctx.req.headers)) {
    if (!PARSED_TYPES.test(type)) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型：请以 JSON（application/json）或表单上传（multipart/form-data）提交', {
        status: 415,
      });
    }
    if (/^\s*multipart\//i.test(type) && !/;\s*boundary=/i.test(type)) {
      throw new DomainError('INVALID_MULTIPART', '表单上传缺少分隔符（boundary）', { status: 400 });
    }
  }
  try {
    await next();
  } catch (err) {
    if (ctx.state[BODY_READ] === true || isDomainError(err)) throw err;
    throw bodyParseRefusal(err, type, ctx.get('content-encoding'));
  }
};
