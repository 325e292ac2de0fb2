/**
 * The OpenAPI document for integrators, generated from the zod schemas the controllers parse with
 * (@asteasolutions/zod-to-openapi). A route is described next to its schemas, in its aggregate's
 * `api/<aggregate>/openapi.ts` (default export: `describeRoutes(tag, [...])`); the document is built
 * over Strapi's route table at run time, so a route nobody described still appears (marked
 * `x-described: false`) and a closed route (no role may call it) never does.
 */
import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** One refusal a route may answer: HTTP status, the stable `error.details.code`, the Chinese message. */
export interface ErrorDoc {
  status: number;
  code: string;
  message: string;
}

export interface RouteDoc {
  method: HttpMethod;
  /** Strapi's form, without the /api prefix: `/order-lines/:id/deliveries`. */
  path: string;
  /** In the manuals' words. */
  summary: string;
  description?: string;
  tag?: string;
  /** The schema the controller parses the query string with. */
  query?: z.ZodObject;
  /** The schema the controller parses the body with (sent bare or as `{ data: … }`). */
  body?: z.ZodType;
  /** multipart/form-data with one `file` (.xlsx). */
  upload?: boolean;
  /** The answer: an example body, or a file download (.xlsx, or the media type given). */
  response?: { description: string; example?: unknown; schema?: z.ZodType; file?: boolean | string };
  errors?: ErrorDoc[];
}

/** A route of Strapi's table as the document needs it. */
export interface RuntimeRoute {
  method: string;
  /** With the /api prefix, Strapi's form. */
  path: string;
  handler: string;
  /** 'public' (no login), or the role types granted its action. */
  access: 'public' | string[];
}

/** The descriptions of one aggregate's routes, under one tag. */
export function describeRoutes(tag: string, routes: RouteDoc[]): RouteDoc[] {
  return routes.map((r) => ({ tag, ...r }));
}

/** `/order-lines/:id/deliveries` → `/order-lines/{id}/deliveries` (regex constraints dropped). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, '{$1}');
}

const ERROR_ENVELOPE = z
  .object({
    data: z.null(),
    error: z.object({
      status: z.number().int(),
      name: z.string(),
      message: z.string().meta({ description: '中文说明，可直接展示给用户', example: '配送数量超出采购数量：采购10，已配送8，最多还可配送2' }),
      details: z.object({
        code: z.string().meta({ description: '稳定的错误代码（程序据此判断）', example: 'QUANTITY_EXCEEDS' }),
        field: z.string().optional().meta({ description: '出错的字段', example: 'quantity' }),
        info: z.unknown().optional().meta({ description: '附加信息（如批量配送中每条不通过的明细）' }),
      }),
    }),
  })
  .meta({ id: 'Error' });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const COMMON_ERRORS: ErrorDoc[] = [
  { status: 401, code: 'UNAUTHORIZED', message: '未登录或登录已失效' },
  { status: 403, code: 'ROLE_NOT_ALLOWED', message: '仅配送企业可执行此操作' },
];

const key = (method: string, path: string) => `${method.toUpperCase()} ${openApiPath(path.replace(/^\/api/, ''))}`;
const ROLE_NAMES: Record<string, string> = {
  platform_admin: '联采办',
  bureau: '省级医保局',
  manufacturer: '生产企业',
  distributor: '配送企业',
  hospital: '医疗机构',
};

function errorResponses(errors: ErrorDoc[]) {
  const byStatus = new Map<number, ErrorDoc[]>();
  for (const e of errors) byStatus.set(e.status, [...(byStatus.get(e.status) ?? []), e]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: list.map((e) => `${e.code}：${e.message}`).join('；'),
        content: {
          'application/json': {
            schema: ERROR_ENVELOPE,
            examples: Object.fromEntries(
              list.map((e) => [e.code, { value: { data: null, error: { status, name: 'BusinessError', message: e.message, details: { code: e.code } } } }]),
            ),
          },
        },
      },
    ]),
  );
}

/** The OpenAPI 3.0 document of the open routes of `routes`, described by `docs` where they match. */
export function openApiDocument(routes: RuntimeRoute[], docs: RouteDoc[], info: { title: string; version: string; description: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const byKey = new Map(docs.map((d) => [key(d.method, d.path), d]));
  const seen = new Set<string>();
  for (const r of routes) {
    const k = key(r.method, r.path);
    if (seen.has(k)) continue;
    seen.add(k);
    const doc = byKey.get(k);
    const path = openApiPath(r.path.replace(/^\/api/, ''));
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const who = r.access === 'public' ? '无需登录' : `角色：${r.access.map((a) => ROLE_NAMES[a] ?? a).join('、')}`;
    const body = doc?.upload
      ? { content: { 'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary', description: '.xlsx 文件（≤ 5 MB）' }) }) } } }
      : doc?.body
        ? { content: { 'application/json': { schema: doc.body } } }
        : undefined;
    const ok = doc?.response?.file
      ? {
          description: doc.response.description,
          content: { [typeof doc.response.file === 'string' ? doc.response.file : XLSX]: { schema: z.string().meta({ format: 'binary' }) } },
        }
      : {
          description: doc?.response?.description ?? '成功',
          ...(doc?.response?.example !== undefined || doc?.response?.schema
            ? {
                content: {
                  'application/json': {
                    schema: doc.response.schema ?? z.unknown(),
                    ...(doc.response.example !== undefined ? { example: doc.response.example } : {}),
                  },
                },
              }
            : {}),
        };
    const errors = [...(doc?.errors ?? []), ...(r.access === 'public' ? [] : COMMON_ERRORS)];
    registry.registerPath({
      method: r.method.toLowerCase() as Lowercase<HttpMethod>,
      path,
      tags: [doc?.tag ?? '其他'],
      summary: doc?.summary ?? r.handler,
      description: [doc?.description, who].filter(Boolean).join('\n\n'),
      ...(r.access === 'public' ? {} : { security: [{ bearer: [] }] }),
      request: {
        ...(names.length
          ? { params: z.object(Object.fromEntries(names.map((n) => [n, z.string().meta({ description: n === 'id' ? '记录的 documentId' : n })]))) }
          : {}),
        ...(doc?.query ? { query: doc.query } : {}),
        ...(body ? { body } : {}),
      },
      responses: { 200: ok, ...errorResponses(errors) },
      ...(doc ? {} : { 'x-described': false }),
    });
  }
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info,
    servers: [{ url: '/api' }],
  });
}

/** The paging parameters every list reads (utils/query.ts readPaging), for the lists' descriptions. */
export const pagingQuery = z.object({
  'pagination[page]': z.number().int().positive().optional().meta({ description: '页码，从 1 开始', example: 1 }),
  'pagination[pageSize]': z.number().int().positive().optional().meta({ description: '每页条数（上限见各列表，通常 200）', example: 20 }),
});

/** Strapi's generic read parameters (its core `find`), for the content types' own GET routes. */
export const coreQuery = z.object({
  'filters[<field>][<operator>]': z.string().optional().meta({ description: 'Strapi 筛选，如 `filters[status][$eq]=…`；只返回本机构可见的记录' }),
  sort: z.string().optional().meta({ description: '排序，如 `createdAt:desc`', example: 'createdAt:desc' }),
  ...pagingQuery.shape,
  fields: z.string().optional().meta({ description: '只返回这些字段（逗号分隔）' }),
});

/**
 * The two generic reads Strapi gives a content type (`GET /<plural>`, `GET /<plural>/:id`), scoped to
 * what the caller's organisation may read; integrators should prefer the business lists named in `see`.
 */
export function coreReads(plural: string, label: string, see: string | undefined, notFound: ErrorDoc): RouteDoc[] {
  const note = `Strapi 的通用读取接口（只返回本机构可见的记录）。${see ? `业务列表请用 \`${see}\`（筛选、搜索、每行可执行的操作）。` : ''}`;
  return [
    {
      method: 'GET',
      path: `/${plural}`,
      summary: `${label}（通用查询）`,
      description: note,
      query: coreQuery,
      response: {
        description: `一页${label}`,
        example: { data: [{ id: 1, documentId: 'k3v9x0c1a2b3c4d5e6f7g8h9' }], meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } } },
      },
      errors: [{ status: 400, code: 'INVALID_REQUEST', message: '请求参数不正确' }],
    },
    {
      method: 'GET',
      path: `/${plural}/:id`,
      summary: `${label}（通用查询：单条）`,
      description: note,
      response: { description: label, example: { data: { id: 1, documentId: 'k3v9x0c1a2b3c4d5e6f7g8h9' } } },
      errors: [notFound],
    },
  ];
}

/** A paged list's example answer. */
export const pageExample = (row: unknown) => ({ data: [row], meta: { pagination: { page: 1, pageSize: 20, pageCount: 1, total: 1 } } });
