import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectRefused, get, loginAs, post } from '../support/client';
import { freshOrg, loadOrgs } from './world';

beforeAll(loadOrgs);

const apply = async (user: string, body: unknown) => post('/api/pki/certificate/apply', body, await loginAs(user));

describe('证书申领, 修改PIN, PIN lock and 重新签发', () => {
  it('publishes the CA certificate to anyone', async () => {
    const res = await call('GET', '/api/pki/ca.pem');
    expect(res.status).toBe(200);
    expect(String(res.body)).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('applies with a PIN of at least 6 digits, once; the certificate names the organisation; the PIN is not stored', async () => {
    const o = await freshOrg('hospital');
    expect((await get('/api/pki/certificate', await loginAs(o.username))).body.data).toBeNull();
    expectRefused(await apply(o.username, { pin: '12345' }), 400, 'PIN_INVALID');
    expectRefused(await apply(o.username, { pin: 'abcdef' }), 400, 'PIN_INVALID');
    expectRefused(await apply(o.username, { pin: '123456', pinConfirm: '123457' }), 400, 'PIN_MISMATCH');
    expectRefused(await apply(o.username, { pin: '123456', extra: 1 }), 400, 'PIN_INVALID');
    expect((await get('/api/pki/certificate', await loginAs(o.username))).body.data).toBeNull();
    const res = await apply(o.username, { pin: '246810', pinConfirm: '246810' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.subject).toContain('测试机构');
    expect(res.body.data.attemptsLeft).toBe(10);
    expect(JSON.stringify(res.body)).not.toContain('246810');
    expectRefused(await apply(o.username, { pin: '135790' }), 409, 'CERT_EXISTS');
  });

  it('refuses roles without a certificate of their own', async () => {
    expectRefused(await post('/api/pki/certificate/apply', { pin: '123456' }, await loginAs('bjBureau')), 403, 'ROLE_NOT_ALLOWED');
    expectRefused(await post('/api/pki/certificates/x/reissue', {}, await loginAs('jst')), 403, 'ROLE_NOT_ALLOWED');
  });

  it('修改PIN: the old PIN opens the key, the new one works afterwards, the old one no longer does', async () => {
    const o = await freshOrg('distributor');
    expect((await apply(o.username, { pin: '111111' })).status).toBe(200);
    const jwt = await loginAs(o.username);
    expectRefused(await post('/api/pki/certificate/change-pin', { oldPin: '999999', newPin: '222222' }, jwt), 400, 'PIN_WRONG');
    expect((await get('/api/pki/certificate', jwt)).body.data.attemptsLeft).toBe(9);
    const ok = await post('/api/pki/certificate/change-pin', { oldPin: '111111', newPin: '222222', pinConfirm: '222222' }, jwt);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data.attemptsLeft).toBe(10);
    expectRefused(await post('/api/pki/certificate/change-pin', { oldPin: '111111', newPin: '333333' }, jwt), 400, 'PIN_WRONG');
    expect((await post('/api/pki/certificate/change-pin', { oldPin: '222222', newPin: '333333' }, jwt)).status).toBe(200);
  });

  it('locks at the 10th consecutive wrong PIN, not before; the bureau re-issues; the organisation applies again', async () => {
    const o = await freshOrg('hospital');
    expect((await apply(o.username, { pin: '123123' })).status).toBe(200);
    const jwt = await loginAs(o.username);
    const wrong = () => post('/api/pki/certificate/change-pin', { oldPin: '000000', newPin: '444444' }, jwt);
    for (let i = 1; i <= 9; i++) {
      const err = expectRefused(await wrong(), 400, 'PIN_WRONG');
      expect(err.details.info.attemptsLeft).toBe(10 - i);
    }
    const cert = (await get('/api/pki/certificate', jwt)).body.data;
    expect(cert.locked).toBe(false);
    expectRefused(await wrong(), 403, 'CERT_LOCKED');
    expect((await get('/api/pki/certificate', jwt)).body.data.locked).toBe(true);
    // Locked: even the right PIN is refused.
    expectRefused(await post('/api/pki/certificate/change-pin', { oldPin: '123123', newPin: '444444' }, jwt), 403, 'CERT_LOCKED');

    // Another province's bureau may not re-issue; Beijing's may.
    expectRefused(await post(`/api/pki/certificates/${o.documentId}/reissue`, {}, await loginAs('sxBureau')), 404, 'NOT_FOUND');
    const locked = await get(`/api/pki/certificates?locked=true&q=${encodeURIComponent('测试机构')}`, await loginAs('bjBureau'));
    expect(locked.body.data.some((r: any) => r.orgDocumentId === o.documentId)).toBe(true);
    expect((await post(`/api/pki/certificates/${o.documentId}/reissue`, {}, await loginAs('bjBureau'))).status).toBe(200);
    expect((await get('/api/pki/certificate', jwt)).body.data).toBeNull();
    const again = await apply(o.username, { pin: '654321' });
    expect(again.status).toBe(200);
    expect(again.body.data.serial).not.toBe(cert.serial);
    expect(again.body.data.locked).toBe(false);
  });
});
