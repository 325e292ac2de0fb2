import { beforeAll, describe, expect, it } from 'vitest';
import { get, loginAs } from '../support/client';
import { contract, detail, loadOrgs, signAs } from './world';

beforeAll(loadOrgs);

describe('signing at the same moment', () => {
  it('two parties signing at once both land exactly once, and the third makes it 已生效 once', async () => {
    const c = await contract();
    const [a, b] = await Promise.all([signAs('jst', c.documentId), signAs('weigao', c.documentId)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const results = await Promise.all([signAs('bjDist1', c.documentId), signAs('bjDist1', c.documentId)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const d = await detail('jst', c.documentId);
    expect(d.status).toBe('effective');
    expect(d.signatures).toHaveLength(3);
    const h = (await get(`/api/history/contract/${c.documentId}`, await loginAs('jst'))).body.data;
    expect(h.filter((x: any) => x.toState === 'effective')).toHaveLength(1);
    expect(h.filter((x: any) => x.action === 'sign')).toHaveLength(3);
  });

  it('the last two signing at once: effective exactly once', async () => {
    const c = await contract();
    expect((await signAs('jst', c.documentId)).status).toBe(200);
    const [a, b] = await Promise.all([signAs('weigao', c.documentId), signAs('bjDist1', c.documentId)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.data.effective, b.body.data.effective].filter(Boolean)).toHaveLength(1);
    expect((await detail('bjDist1', c.documentId)).status).toBe('effective');
  });
});
