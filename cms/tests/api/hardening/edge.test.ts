import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectRefused, get, loginAs, post, testSupport } from '../support/client';
import { batch, confirmedLine, loadOrgs } from '../orders/world';

/** Issue 14: the edges of the HTTP surface (bodies, API tokens, CORS, headers, refusals, who reads a delivery). */
const json = { 'Content-Type': 'application/json' };
const raw = (path: string, body: RequestInit['body'], headers: Record<string, string>, auth?: string) => call('POST', path, { raw: body, headers, auth });

describe('malformed bodies answer 4xx with a code, for anyone', () => {
  it.each(['gzip', 'deflate', 'br'])('a body declared %s that is not: 400 INVALID_BODY_ENCODING', async (enc) => {
    const res = await raw('/api/auth/local', 'not compressed at all', { ...json, 'Content-Encoding': enc });
    expectRefused(res, 400, 'INVALID_BODY_ENCODING');
  });

  it('multipart without a boundary, truncated multipart, a type nobody parses', async () => {
    expectRefused(await raw('/api/auth/local', 'x=1', { 'Content-Type': 'multipart/form-data' }), 400, 'INVALID_MULTIPART');
    const truncated = '--B\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK';
    const bureau = await loginAs('bjBureau');
    const upload = await raw('/api/distributor-accounts/manage/import', truncated, { 'Content-Type': 'multipart/form-data; boundary=B' }, bureau);
    expectRefused(upload, 400, 'INVALID_MULTIPART');
    expectRefused(await raw('/api/auth/local', '<a/>', { 'Content-Type': 'application/xml' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectRefused(await raw('/api/auth/local', '{"identifier":', json), 400, 'INVALID_JSON');
  });

  it('an object where an id or a text belongs is refused, not stringified', async () => {
    const dist = await loginAs('bjDist1');
    for (const path of ['/api/order-lines/confirm', '/api/order-lines/reject']) {
      expectRefused(await raw(path, '{"ids":[{"toString":1}],"reason":"x"}', json, dist), 400, 'INVALID_BODY');
      expectRefused(await post(path, { ids: [{ a: 1 }], reason: '理由' }, dist), 400, 'SELECTION_INVALID');
    }
    await loadOrgs();
    const { id } = await confirmedLine(5);
    const d = (await post(`/api/order-lines/${id}/deliveries`, batch(5, { invoiceNo: '', invoiceCode: '' }), dist)).body.data.delivery.documentId;
    expectRefused(await raw(`/api/order-deliveries/${d}/invoice`, '{"invoiceNo":{"toString":1}}', json, dist), 400, 'INVALID_BODY');
    expectRefused(await post(`/api/order-deliveries/${d}/invoice`, { invoiceNo: '12345678', invoiceCode: { a: 1 } }, dist), 400, 'INVOICE_INVALID');
    expectRefused(await post(`/api/order-deliveries/${d}/invoice`, { invoiceNo: ['1'] }, dist), 400, 'INVOICE_INVALID');
  });
});

describe('API tokens read reference data only', () => {
  let token = '';
  beforeAll(async () => {
    token = await testSupport.apiToken('read-only');
  });

  it('no logins through /api/users, populate or filters', async () => {
    expectRefused(await get('/api/users', token), 403, 'API_TOKEN_SCOPE');
    expectRefused(await get('/api/users/1', token), 403, 'API_TOKEN_SCOPE');
    expectRefused(await get('/api/users/count', token), 403, 'API_TOKEN_SCOPE');
    for (const p of ['/api/organisations?populate[users]=*', '/api/organisations?populate[users][fields][0]=username&pagination[pageSize]=100']) {
      const populated = await get(p, token);
      expect(populated.status).toBe(200);
      expect(JSON.stringify(populated.body)).not.toMatch(/"username"|"users"/);
    }
    const all = await get('/api/organisations?populate=*&pagination[pageSize]=100', token);
    expect(all.status).toBe(200);
    expect(JSON.stringify(all.body)).not.toContain('"username"');
    expectRefused(await get('/api/organisations?filters[users][mustChangePassword][$eq]=true', token), 400, 'INVALID_QUERY');
    expectRefused(await get('/api/organisations?filters[initialPasswordHash][$notNull]=true', token), 400, 'INVALID_QUERY');
  });

  it('reference data stays readable; business data and a full-access token are refused', async () => {
    for (const p of ['/api/regions?pagination[pageSize]=1', '/api/products?pagination[pageSize]=1', '/api/organisations?pagination[pageSize]=1']) {
      expect((await get(p, token)).status).toBe(200);
    }
    expectRefused(await get('/api/me', token), 403, 'API_TOKEN_SCOPE');
    const full = await testSupport.apiToken('full-access');
    expectRefused(await get('/api/users', full), 403, 'API_TOKEN_SCOPE');
    expectRefused(await get('/api/deliveries', full), 403, 'API_TOKEN_SCOPE');
  });
});

describe('CORS, headers and CSP', () => {
  it('an unlisted Origin gets no CORS header, /admin/access-token included; a listed one does', async () => {
    const evil = 'http://127.0.0.1:9999';
    for (const [method, path] of [
      ['GET', '/api/regions'],
      ['POST', '/admin/access-token'],
    ] as const) {
      const res = await call(method, path, { headers: { Origin: evil } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      const pre = await call('OPTIONS', path, { headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' } });
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    }
    // CORS_ORIGINS of the test server (tests/api/support/global-setup.ts)
    const listed = await call('GET', '/api/regions', { headers: { Origin: 'http://allowed.example:8080' } });
    expect(listed.headers.get('access-control-allow-origin')).toBe('http://allowed.example:8080');
  });

  it('no X-Powered-By; the CSP allows no remote connections', async () => {
    for (const p of ['/api/regions', '/_health', '/admin']) {
      const res = await call('GET', p);
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    const csp = (await call('GET', '/_health')).headers.get('content-security-policy')!;
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('https:');
  });
});

describe('every refusal in Chinese with a stable code', () => {
  it.each([
    ['GET', '/api/nothing-here', 404, 'NOT_FOUND'],
    ['PUT', '/api/auth/local', 405, 'METHOD_NOT_ALLOWED'],
    ['GET', '/api/users', 403, 'FORBIDDEN'],
  ] as const)('%s %s → %i %s', async (method, path, status, code) => {
    expectRefused(await call(method, path), status, code);
  });

  it("Strapi's strict query parameters", async () => {
    expectRefused(await get('/api/regions?unknownKey=1', await loginAs('jst')), 400, 'INVALID_QUERY');
  });

  it('a bad token, a yup validation error, JSON syntax', async () => {
    expectRefused(await get('/api/me', 'a.b.c'), 401, 'UNAUTHORIZED');
    expectRefused(await post('/api/auth/local', { identifier: { a: 1 }, password: 'x' }), 400, 'VALIDATION_ERROR');
    expectRefused(await raw('/api/orders/place', '{,}', json, await loginAs('jst')), 400, 'INVALID_JSON');
  });

  it('zod refusals of order placement and hospital relationships are Chinese', async () => {
    const e = expectRefused(
      await post('/api/orders/place', { lines: [{ productId: 1, distributorOrgId: 1, quantity: 1 }], remark: 5 }, await loginAs('jst')),
      400,
      'VALIDATION',
    );
    expect(e.message).toContain('remark');
    expectRefused(await post('/api/hospital-relationships/accept', { documentIds: [5] }, await loginAs('bjDist1')), 400, 'INVALID_INPUT');
  });
});

describe("a delivery is readable wherever its line's detail shows it", () => {
  it('the manufacturer of the product reads the delivery and its history; another manufacturer does not', async () => {
    await loadOrgs();
    const { id } = await confirmedLine(3);
    const dist = await loginAs('bjDist1');
    const d = (await post(`/api/order-lines/${id}/deliveries`, batch(3), dist)).body.data.delivery.documentId;
    const weigao = await loginAs('weigao');
    const detail = await get(`/api/order-lines/${id}/detail`, weigao);
    expect(detail.body.data.deliveries.map((x: { documentId: string }) => x.documentId)).toEqual([d]);
    const own = await get(`/api/deliveries/${d}`, weigao);
    expect(own.status).toBe(200);
    expect(own.body.data.batchNo).toBe(detail.body.data.deliveries[0].batchNo);
    expect((await get(`/api/history/delivery/${d}`, weigao)).status).toBe(200);
    expect((await get(`/api/deliveries?filters[documentId][$eq]=${d}`, weigao)).body.data).toHaveLength(1);
    const chunli = await loginAs('chunli');
    expectRefused(await get(`/api/order-lines/${id}/detail`, chunli), 404, 'NOT_FOUND');
    expect((await get(`/api/deliveries/${d}`, chunli)).status).toBe(404);
    expectRefused(await get(`/api/history/delivery/${d}`, chunli), 404, 'NOT_FOUND');
  });
});
