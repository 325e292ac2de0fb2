import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, loginAs, post } from '../support/client';
import { detail, freshOrg, loadOrgs, org, relationship, signAs, volume } from './world';

beforeAll(loadOrgs);

describe('重新签发 keeps earlier signatures verifiable', () => {
  it('a distributor signs, locks its certificate, is re-issued; its old signature still verifies and it signs again with the new PIN', async () => {
    const d = await freshOrg('distributor');
    await relationship('jst', d.username);
    const contract = async () => {
      const v = await volume('jst', { distributor: d.username });
      const res = await post(`/api/contract-volumes/${v.volume.documentId}/pick`, { distributorOrgId: org[d.username] }, await loginAs('jst'));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.data.documentId as string;
    };
    const first = await contract();
    const jwt = await loginAs(d.username);
    expect((await post('/api/pki/certificate/apply', { pin: '112233' }, jwt)).status).toBe(200);
    expect((await signAs(d.username, first, '112233')).status).toBe(200);
    const before = (await detail('jst', first)).signatures[0];
    expect(before.valid).toBe(true);

    const second = await contract();
    for (let i = 0; i < 9; i++) expectRefused(await signAs(d.username, second, '000000'), 400, 'PIN_WRONG');
    expectRefused(await signAs(d.username, second, '000000'), 403, 'CERT_LOCKED');
    expectRefused(await signAs(d.username, second, '112233'), 403, 'CERT_LOCKED');
    expect((await post(`/api/pki/certificates/${d.documentId}/reissue`, {}, await loginAs('admin'))).status).toBe(200);
    expectRefused(await signAs(d.username, second, '112233'), 409, 'CERT_MISSING');
    expect((await post('/api/pki/certificate/apply', { pin: '445566' }, jwt)).status).toBe(200);

    const after = (await detail('bjBureau', first)).signatures[0];
    expect(after.valid).toBe(true);
    expect(after.certSerial).toBe(before.certSerial);
    expect((await signAs(d.username, second, '445566')).status).toBe(200);
    const again = (await detail('jst', second)).signatures[0];
    expect(again.valid).toBe(true);
    expect(again.certSerial).not.toBe(before.certSerial);
  });
});
