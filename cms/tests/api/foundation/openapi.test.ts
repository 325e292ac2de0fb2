import { describe, expect, it } from 'vitest';
import { baseUrl, get } from '../support/client';

/**
 * The integrators' OpenAPI document: every route of Strapi's router table (read at run time) is in
 * the document, or among its closed routes; closed routes are not described; the business endpoints
 * carry the schemas the controllers validate with.
 */
const toOpenApi = (path: string) => path.replace(/^\/api/, '').replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, '{$1}');

describe('OpenAPI document', () => {
  it('describes every registered route a caller can reach, and none that is closed', async () => {
    const doc = await get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.0.3');
    const table = await get('/api/test/router-layers');
    expect(table.status).toBe(200);
    const closed = new Set<string>(doc.body['x-closed-routes'].map((r: string) => r.replace(/^(\w+) \/api/, '$1 ')));
    const missing: string[] = [];
    for (const r of table.body as Array<{ method: string; path: string }>) {
      if (r.path.startsWith('/api/test/')) continue;
      const path = toOpenApi(r.path);
      if (doc.body.paths[path]?.[r.method.toLowerCase()]) continue;
      if (closed.has(`${r.method} ${r.path.replace(/^\/api/, '')}`)) continue;
      missing.push(`${r.method} ${r.path}`);
    }
    expect(missing).toEqual([]);
    // Every route offered is described by its aggregate's openapi.ts (summary, parameters, answers, error codes).
    const undescribed = Object.entries(doc.body.paths as Record<string, Record<string, { 'x-described'?: boolean; summary?: string; responses?: object }>>)
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })))
      .filter(({ op }) => op['x-described'] === false || !/[\u4e00-\u9fff]/.test(op.summary ?? ''))
      .map(({ route }) => route);
    expect(undescribed).toEqual([]);
    // Closed routes: granted to no role, never offered.
    expect(doc.body.paths['/auth/local/register']).toBeUndefined();
    expect(doc.body.paths['/users']?.post).toBeUndefined();
    expect(closed).toContain('POST /auth/local/register');
    expect(closed).toContain('POST /users');
    // Nothing test-only is described.
    expect(Object.keys(doc.body.paths).filter((p) => p.startsWith('/test/'))).toEqual([]);
  });

  it("describes an integrator's first three calls with their schemas, examples and error codes", async () => {
    const { body: doc } = await get('/api/openapi.json');
    const login = doc.paths['/auth/local'].post;
    expect(login.security).toBeUndefined();
    expect(Object.keys(login.requestBody.content['application/json'].schema.properties)).toEqual(['identifier', 'password']);
    const list = doc.paths['/order-lines/search'].get;
    expect(list.summary).toBe('订单明细列表（待配送、已配送）');
    expect(list.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['tab', 'status', 'hospitalOrgId', 'q', 'pagination[page]']));
    expect(list.parameters.find((p: any) => p.name === 'tab').schema.enum).toContain('todo');
    const deliver = doc.paths['/order-lines/{id}/deliveries'].post;
    expect(deliver.summary).toBe('配送 / 继续配送');
    expect(deliver.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    const body = deliver.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['mode', 'quantity']));
    expect(body.properties.mode.enum).toEqual(['standard', 'batch']);
    expect(body.properties.quantity.example).toBe(20);
    expect(Object.keys(deliver.responses['409'].content['application/json'].examples)).toEqual(expect.arrayContaining(['QUANTITY_EXCEEDS', 'MODE_LOCKED']));
    expect(deliver.security).toEqual([{ bearer: [] }]);
    const batch = doc.paths['/order-deliveries/batch'].post.requestBody.content['application/json'].schema;
    expect(batch.properties.lines.maxItems).toBe(500);
    expect(doc.paths['/order-deliveries/batch/preview'].post.requestBody.content['multipart/form-data']).toBeDefined();
  });

  it('is what /documentation shows', async () => {
    const res = await fetch(`${baseUrl()}/documentation/v1.0.0`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/order-deliveries/batch');
    expect(html).not.toContain('/auth/local/register');
  });
});
