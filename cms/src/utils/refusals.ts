/**
 * Chinese messages and stable codes for the refusals that do not come from our own rules: a body the
 * parser cannot read, Strapi's generic errors (Forbidden, 401, 404, 405, its yup validation), Koa's
 * empty 404. Business rules answer their own DomainError; this is the net under everything else.
 */
import { DomainError } from '../domain/errors';

const HAS_CHINESE = /[\u4e00-\u9fff]/;

const GENERIC: Record<number, [code: string, message: string]> = {
  400: ['INVALID_REQUEST', '请求参数不正确'],
  401: ['UNAUTHORIZED', '未登录或登录已失效，请重新登录'],
  403: ['FORBIDDEN', '无权执行此操作'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '该地址不支持此请求方法'],
  413: ['BODY_TOO_LARGE', '请求内容过大'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型：请以 JSON（application/json）或表单上传（multipart/form-data）提交'],
  429: ['TOO_MANY_REQUESTS', '请求过于频繁，请稍后再试'],
};

/** One field error of Strapi's envelope (`details.errors`). */
interface FieldError {
  path?: unknown;
  message?: unknown;
  name?: unknown;
}

/** Strapi's error envelope, as its errors middleware writes it. */
interface RefusalBody {
  data: null;
  error: { status: number; name: string; message: string; details: { code: string; errors?: FieldError[]; [key: string]: unknown } };
}

const pathText = (path: unknown) => (Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : '');

function chineseFieldErrors(errors: unknown): FieldError[] | undefined {
  if (!Array.isArray(errors)) return undefined;
  return (errors as FieldError[]).map((e) => {
    const field = pathText(e?.path);
    const message = typeof e?.message === 'string' && HAS_CHINESE.test(e.message) ? e.message : `参数${field ? ` ${field} ` : ''}不正确`;
    return { path: Array.isArray(e?.path) ? e.path : [], message, name: e?.name };
  });
}

/**
 * Strapi's refusal (`status`, its error `name`, English `message`, `details`) as a Chinese one with a
 * stable `details.code`. A message already in Chinese (our policies write Strapi errors too) is kept.
 */
export function chineseRefusal(status: number, name: string, message: unknown, details: unknown): RefusalBody {
  const [genericCode, genericMessage] = GENERIC[status] ?? (status >= 500 ? ['SERVER_ERROR', '服务器内部错误'] : ['REQUEST_REFUSED', '请求被拒绝']);
  const d = details && typeof details === 'object' ? (details as Record<string, unknown>) : {};
  let code = typeof d.code === 'string' ? d.code : genericCode;
  let text = typeof message === 'string' && HAS_CHINESE.test(message) ? message : genericMessage;
  const errors = chineseFieldErrors(d.errors);
  if (status === 400 && name === 'ValidationError' && typeof d.code !== 'string') {
    code = 'VALIDATION_ERROR';
    const fields = (errors ?? []).map((e) => pathText(e.path)).filter(Boolean);
    if (!HAS_CHINESE.test(String(message))) text = fields.length ? `请求参数不正确：${[...new Set(fields)].join('、')}` : '请求参数不正确';
    if (/invalid key/i.test(String(message))) code = 'INVALID_QUERY';
  }
  if (status === 400 && name === 'SyntaxError') [code, text] = ['INVALID_JSON', '请求体不是合法的 JSON'];
  return { data: null, error: { status, name, message: text, details: { ...d, code, ...(errors ? { errors } : {}) } } };
}

/** Whether an answer body already is a coded refusal. */
export function isCodedRefusal(body: unknown): boolean {
  const code = (body as { error?: { details?: { code?: unknown } } } | null)?.error?.details?.code;
  return typeof code === 'string';
}

/**
 * A request body the parser could not read (strapi::body threw before any route ran): the client's
 * fault, never a 500. `contentType` / `contentEncoding` are the request's headers.
 */
export function bodyParseRefusal(err: unknown, contentType: string, contentEncoding: string): DomainError {
  const e = (err ?? {}) as { status?: unknown; statusCode?: unknown; httpCode?: unknown; name?: unknown; type?: unknown };
  const declared = [e.status, e.statusCode, e.httpCode].find((s) => typeof s === 'number') as number | undefined;
  const multipart = /^multipart\//i.test(contentType);
  if (declared === 413) {
    return multipart
      ? new DomainError('UPLOAD_TOO_LARGE', '上传的文件过大：最大 5 MB', { status: 413, field: 'file' })
      : new DomainError('BODY_TOO_LARGE', '请求内容过大：JSON 请求体最大 2 MB', { status: 413 });
  }
  if (declared === 415) return new DomainError('UNSUPPORTED_ENCODING', '不支持的请求内容编码或字符集', { status: 415 });
  if (contentEncoding && !/^identity$/i.test(contentEncoding)) {
    return new DomainError('INVALID_BODY_ENCODING', `请求内容不是有效的 ${contentEncoding} 压缩数据`, { status: 400 });
  }
  if (multipart) return new DomainError('INVALID_MULTIPART', '表单上传内容不完整或格式错误', { status: 400 });
  if (e.name === 'SyntaxError' || e.type === 'entity.parse.failed') return new DomainError('INVALID_JSON', '请求体不是合法的 JSON', { status: 400 });
  return new DomainError('INVALID_BODY', '请求内容无法解析', { status: 400 });
}

/** Keys that shadow what every object inherits: `String(x)` or `x.toString()` on such a value throws. */
const SHADOWING = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'toJSON', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString']);
const MAX_DEPTH = 12;

/** The first problem of a parsed body's shape (a shadowing key, too deep), or null. */
export function bodyShapeProblem(value: unknown, depth = 0): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return `嵌套超过 ${MAX_DEPTH} 层`;
  for (const key of Object.keys(value)) {
    if (!Array.isArray(value) && SHADOWING.has(key)) return `不允许的字段名 ${key}`;
    const inner = bodyShapeProblem((value as Record<string, unknown>)[key], depth + 1);
    if (inner) return inner;
  }
  return null;
}
