import { describe, expect, inject, it } from 'vitest';
import { createAccount, issue, M } from '../api/accounts/support';
import { DEMO_PASSWORD, get, loginAs, post } from '../api/support/client';
import { batch, confirmedLine, line, loadOrgs } from '../api/orders/world';

/**
 * Two server processes (A: the suite's baseUrl, B) on one PostgreSQL database, each caching
 * authentications for 60 s: what goes through one holds on the other at once.
 */
const onB = async (method: string, path: string, jwt?: string, body?: unknown) => {
  const res = await fetch(`${inject('baseUrlB')}${path}`, {
    method,
    headers: { ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
};

async function issuedLogin() {
  const a = await createAccount('sxBureau');
  await issue('sxBureau', [a.documentId]);
  const first = await loginAs(a.username);
  expect(
    (await post('/api/auth/change-password', { currentPassword: DEMO_PASSWORD, password: 'Mine@2026x', passwordConfirmation: 'Mine@2026x' }, first)).status,
  ).toBe(200);
  return { a, jwt: await loginAs(a.username, 'Mine@2026x') };
}

describe('two server processes on one database', () => {
  it('禁用 through A: the token is refused by B at the next request, though B had just cached it', async () => {
    const { a, jwt } = await issuedLogin();
    expect((await onB('GET', '/api/organisations/mine', jwt)).status).toBe(200); // B caches this authentication
    expect((await post(`${M}/${a.documentId}/disable`, {}, await loginAs('sxBureau'))).status).toBe(200);
    const refused = await onB('GET', '/api/organisations/mine', jwt);
    expect(refused.status).toBe(401);
    expect(refused.body.error.details.code).toBe('ACCOUNT_DISABLED');
    // and back: 启用 through B lets the login in again through A, not the old token
    expect((await onB('POST', `${M}/${a.documentId}/enable`, await loginAs('sxBureau'))).status).toBe(200);
    const fresh = await post('/api/auth/local', { identifier: a.username, password: 'Mine@2026x' }); // not loginAs: it keeps the old token
    expect(fresh.status).toBe(200);
    const again = await get('/api/organisations/mine', fresh.body.jwt);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await get('/api/organisations/mine', jwt)).status).toBe(401);
  });

  it('a password changed through B ends the sessions A had cached', async () => {
    const { a, jwt } = await issuedLogin();
    expect((await get('/api/organisations/mine', jwt)).status).toBe(200);
    const res = await onB('POST', '/api/auth/change-password', jwt, {
      currentPassword: 'Mine@2026x',
      password: 'Other@2026x',
      passwordConfirmation: 'Other@2026x',
    });
    expect(res.status).toBe(200);
    expect((await get('/api/organisations/mine', jwt)).status).toBe(401);
    expect((await get('/api/organisations/mine', await loginAs(a.username, 'Other@2026x'))).status).toBe(200);
  });

  it('50 concurrent deliveries of 1 on a line of 30, split across both: exactly 30 succeed', async () => {
    await loadOrgs();
    const { id } = await confirmedLine(30);
    const dist = await loginAs('bjDist1');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 ? onB('POST', `/api/order-lines/${id}/deliveries`, dist, batch(1)) : post(`/api/order-lines/${id}/deliveries`, batch(1), dist),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(30);
    expect(results.filter((r) => r.status === 409)).toHaveLength(20);
    const l = await line('bjDist1', id);
    expect(l).toMatchObject({ status: 'delivered', deliveredQty: 30, deliveryCount: 30 });
    expect(new Set(l.deliveries.map((d: { seq: number }) => d.seq)).size).toBe(30);
  });
});
