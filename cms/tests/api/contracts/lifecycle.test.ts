import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectRefused, get, loginAs, post } from '../support/client';
import { bytes, contract, DEMO_PIN, detail, loadOrgs, org, signAs } from './world';

beforeAll(loadOrgs);

function opensslVerify(dir: string, party: string): boolean {
  try {
    execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        path.join(dir, `${party}.p7s`),
        '-content',
        path.join(dir, 'content.bin'),
        '-CAfile',
        path.join(dir, 'ca.pem'),
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ],
      { stdio: 'pipe' },
    );
    return true;
  } catch {
    return false;
  }
}

describe('三方合同 life cycle', () => {
  it('pick → 待签订; the three parties sign in any order → 已生效; each signature verifies with openssl', async () => {
    const c = await contract(150);
    let d = await detail('jst', c.documentId);
    expect(d.status).toBe('signing');
    expect(d.priceFen).toBe(250000);
    expect(d.amountFen).toBe(250000 * 150);
    expect(d.parties.map((p: any) => p.signed)).toEqual([false, false, false]);
    expect(d.actions).toEqual(['sign', 'refuse']);
    expect((await detail('bjBureau', c.documentId)).actions).toEqual([]);

    // To-dos of each party count it until it has signed.
    const todo = async (u: 'jst' | 'weigao' | 'bjDist1') =>
      (await get('/api/me/todos', await loginAs(u))).body.contracts ?? (await get('/api/me/todos', await loginAs(u))).body.data?.contracts;
    const before = await todo('bjDist1');

    expect((await signAs('bjDist1', c.documentId)).status).toBe(200);
    expect(await todo('bjDist1')).toBe(before - 1);
    expect((await signAs('weigao', c.documentId)).status).toBe(200);
    d = await detail('weigao', c.documentId);
    expect(d.status).toBe('signing');
    expect(d.actions).toEqual([]);
    const last = await signAs('jst', c.documentId);
    expect(last.status).toBe(200);
    expect(last.body.data).toEqual({ status: 'effective', effective: true });
    d = await detail('bjBureau', c.documentId);
    expect(d.status).toBe('effective');
    expect(d.signatures).toHaveLength(3);
    for (const s of d.signatures) {
      expect(s.valid).toBe(true);
      expect(s.certSerial).toMatch(/^[0-9a-f]+$/);
      expect(s.signingTime).toBeTruthy();
    }
    expect(d.signatures.find((s: any) => s.party === 'hospital').signer).toContain('北京积水潭医院');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-'));
    const ca = await call('GET', '/api/pki/ca.pem');
    expect(ca.status).toBe(200);
    fs.writeFileSync(path.join(dir, 'ca.pem'), ca.body);
    const content = await bytes(`/api/contracts/${c.documentId}/content`, 'jst');
    expect(content.status).toBe(200);
    fs.writeFileSync(path.join(dir, 'content.bin'), content.body);
    for (const party of ['hospital', 'manufacturer', 'distributor']) {
      const p7s = await bytes(`/api/contracts/${c.documentId}/signatures/${party}.p7s`, 'xiehe' === party ? 'jst' : 'bjBureau');
      expect(p7s.status).toBe(200);
      fs.writeFileSync(path.join(dir, `${party}.p7s`), p7s.body);
      expect(opensslVerify(dir, party)).toBe(true);
    }
    // A changed byte of the content fails.
    const changed = Buffer.from(content.body);
    changed[changed.length - 2] = changed[changed.length - 2]! ^ 1;
    fs.writeFileSync(path.join(dir, 'content.bin'), changed);
    expect(opensslVerify(dir, 'hospital')).toBe(false);

    // History: create, three signs, the last one to 已生效.
    const h = await get(`/api/history/contract/${c.documentId}`, await loginAs('jst'));
    expect(h.body.data.map((x: any) => [x.action, x.toState])).toEqual([
      ['create', 'signing'],
      ['sign', 'signing'],
      ['sign', 'signing'],
      ['sign', 'effective'],
    ]);

    // Signing again is refused, nothing changes.
    expectRefused(await signAs('jst', c.documentId), 409, 'INVALID_TRANSITION');
  });

  it('拒签 needs a reason, voids the contract, and the hospital may pick again', async () => {
    const c = await contract();
    expectRefused(await post(`/api/contracts/${c.documentId}/refuse`, { reason: '  ' }, await loginAs('weigao')), 400, 'REASON_REQUIRED');
    expect((await detail('weigao', c.documentId)).status).toBe('signing');
    const res = await post(`/api/contracts/${c.documentId}/refuse`, { reason: '价格有误' }, await loginAs('weigao'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const d = await detail('jst', c.documentId);
    expect(d.status).toBe('void');
    expect(d.refusedParty).toBe('manufacturer');
    expect(d.refuseReason).toBe('价格有误');
    expectRefused(await signAs('jst', c.documentId), 409, 'INVALID_TRANSITION');
    const again = await post(`/api/contract-volumes/${c.volume.documentId}/pick`, { distributorOrgId: org.bjDist1 }, await loginAs('jst'));
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.data.documentId).not.toBe(c.documentId);
  });

  it('a tampered content no longer verifies on the server, and a signature of another contract fails', async () => {
    const a = await contract();
    const b = await contract();
    expect((await signAs('jst', a.documentId)).status).toBe(200);
    expect((await signAs('jst', b.documentId)).status).toBe(200);
    const contentA = await bytes(`/api/contracts/${a.documentId}/content`, 'jst');
    const sigB = await bytes(`/api/contracts/${b.documentId}/signatures/hospital.p7s`, 'jst');
    const sigA = await bytes(`/api/contracts/${a.documentId}/signatures/hospital.p7s`, 'jst');
    const verify = async (content: Buffer, sig: Buffer) =>
      (await post('/api/pki/verify', { content: content.toString('base64'), signature: sig.toString('base64') }, await loginAs('xiehe'))).body.data;
    expect((await verify(contentA.body, sigA.body)).valid).toBe(true);
    const other = await verify(contentA.body, sigB.body);
    expect(other.valid).toBe(false);
    expect(other.reason).toMatch(/内容/);

    expect((await post(`/api/test/contracts/${a.documentId}/tamper`, {})).status).toBe(200);
    const d = await detail('jst', a.documentId);
    expect(d.signatures[0].valid).toBe(false);
    expect(d.signatures[0].reason).toMatch(/内容/);
  });

  it('PDF 合同下载 in Chinese with the content hash', async () => {
    const c = await contract();
    expect((await signAs('bjDist1', c.documentId)).status).toBe(200);
    const pdf = await bytes(`/api/contracts/${c.documentId}/pdf`, 'bjDist1');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.body.length).toBeGreaterThan(3000);
    expect(DEMO_PIN).toBe('123456');
  });
});
