import { describe, expect, it } from 'vitest';
import { call, get, loginAs, post, testSupport } from '../support/client';

// cms/src/strapi-patches/lean-middlewares.ts and api-token-shortcut.ts: faster, same answers.
const HELMET_HEADERS = [
  'content-security-policy',
  'cross-origin-embedder-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];
const securityHeaders = (h: Headers) => Object.fromEntries(HELMET_HEADERS.map((n) => [n, h.get(n)]));

describe('request pipeline', () => {
  it('API answers carry exactly the security headers Strapi sets elsewhere', async () => {
    const strapis = await get('/_health');
    const ours = await get('/api/me', await loginAs('bjDist1'));
    expect(ours.status).toBe(200);
    const expected = securityHeaders(strapis.headers);
    expect(expected['content-security-policy']).toContain("default-src 'self'");
    expect(expected['x-frame-options']).toBe('SAMEORIGIN');
    expect(securityHeaders(ours.headers)).toEqual(expected);
    // also on refusals, and on paths Strapi's own middleware still serves
    expect(securityHeaders((await get('/api/order-lines/search')).headers)).toEqual(expected);
    expect((await get('/documentation/v1.0.0')).headers.get('content-security-policy')).toContain('cdn.jsdelivr.net');
  });

  it('GET requests see an empty body; POST bodies are still parsed and bounded', async () => {
    const jwt = await loginAs('xiehe');
    expect((await get('/api/me', jwt)).status).toBe(200);
    const weak = await post('/api/auth/change-password', { currentPassword: 'x', password: 'short', passwordConfirmation: 'short' }, jwt);
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.code).toBe('PASSWORD_WEAK');
    const big = await call('POST', '/api/orders/place', {
      auth: jwt,
      raw: JSON.stringify({ data: 'x'.repeat(3 * 1024 * 1024) }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(big.status).toBe(413);
  });

  it('a JWT never reaches the API-token lookup, and API tokens still work', async () => {
    const token = await testSupport.apiToken('read-only');
    expect(token).toMatch(/^[0-9a-f]+$/);
    expect((await get('/api/regions?pagination[pageSize]=1', token)).status).toBe(200);
    expect((await get('/api/order-lines/search', token)).status).toBe(403);
    const jwt = await loginAs('bjDist1');
    expect((await get('/api/me', jwt)).status).toBe(200);
    // a forged token of JWT shape is refused by users-permissions
    const [h, p] = jwt.split('.');
    expect((await get('/api/me', `${h}.${p}.forgedsignature`)).status).toBe(401);
  });
});
