/** One Beijing record of each owned kind (hospital jst, distributor bjDist1, manufacturer weigao), for the authorisation matrix. */
import { get, loginAs, me, post, testSupport, unique } from '../support/client';
import { signAs, volume } from '../contracts/world';
import { batch, loadOrgs, order as placeOrder, org, world } from '../orders/world';

export interface OwnedRecord {
  /** documentId to put in the route's parameter. */
  documentId: string;
  /** Organisations that own the row (its scope columns), and its province. */
  orgs: number[];
  province: string;
  /** For a kind named by numeric id: an id of no record (the probe for "a record that does not exist"). */
  absent?: string;
}

export type RecordKind =
  | 'order'
  | 'line'
  | 'delivery'
  | 'return'
  | 'relationship'
  | 'delegation'
  | 'delegationItem'
  | 'account'
  | 'contact'
  | 'counterpart'
  | 'operator'
  | 'contract'
  | 'signature'
  | 'volume'
  | 'organisation';

export async function ownedRecords(): Promise<Record<RecordKind, OwnedRecord>> {
  await loadOrgs();
  const w = await world();
  const [jst, dist, weigao] = [await loginAs('jst'), await loginAs('bjDist1'), org.weigao!];
  const placed = await placeOrder('jst', [{ productId: w.product.id, distributor: 'bjDist1', quantity: 10 }]);
  const line = placed.lines[0]!.documentId;
  await post('/api/order-lines/confirm', { ids: [line] }, dist);
  const delivery = (await post(`/api/order-lines/${line}/deliveries`, batch(4), dist)).body.data.delivery.documentId as string;
  await post(`/api/order-deliveries/${delivery}/receive`, {}, jst);
  const ret = (await post(`/api/order-lines/${line}/returns`, { quantity: 1, reason: '包装破损' }, jst)).body.data.documentId as string;
  const d = await testSupport.fixture('delegation', {
    delegatorOrgId: weigao,
    manufacturerOrgId: weigao,
    distributorOrgId: org.bjDist1,
    provinceCode: '11',
    status: 'pending',
    level: 1,
    productCount: 1,
  });
  const item = await testSupport.fixture('delegation-item', {
    delegationId: d.id,
    productId: w.product.id,
    distributorOrgId: org.bjDist1,
    provinceCode: '11',
    manufacturerOrgId: weigao,
    delegatorOrgId: weigao,
  });
  const account = await testSupport.fixture('distributor-account', {
    username: unique('P11T'),
    companyName: unique('测试配送'),
    creditCode: unique('C').slice(0, 18),
    phone: '13800000000',
    provinceCode: '11',
    bureauOrgId: org.bjBureau,
  });
  const contact = await testSupport.fixture('contact', { organisationId: org.jst, name: '联系人', phone: '13800000001' });
  // A hospital of this run alone, dealing with bjDist1 only: other test files deal with jst (jst–bjDist2
  // relationships and orders), so jst's contact would be readable by more than the matrix expects.
  const partner = await testSupport.fixture('organisation', { name: unique('矩阵医院'), type: 'hospital', provinceCode: '11', enabled: true });
  await testSupport.fixture('hospital-relationship', { hospitalOrgId: partner.id, distributorOrgId: org.bjDist1, provinceCode: '11', status: 'established' });
  await testSupport.fixture('contact', { organisationId: partner.id, name: '矩阵联系人', phone: '13800000003', isDefault: true });
  // An operator 经办人 login of jst's, created by jst's administrator login (routes name it by its numeric id).
  const op = await post('/api/organisations/mine/operators', { name: '矩阵经办', phone: '13800000002', username: unique('op') }, jst);
  if (op.status !== 200) throw new Error(`operator: ${JSON.stringify(op.body)}`);
  // 三方合同: an agreed volume of jst (imported by 北京 bureau), picked with bjDist1 (the relationship above), signed by jst.
  const v = await volume('jst');
  const picked = await post(`/api/contract-volumes/${v.volume.documentId}/pick`, { distributorOrgId: org.bjDist1 }, jst);
  if (picked.status !== 200) throw new Error(`pick: ${JSON.stringify(picked.body)}`);
  const contract = picked.body.data.documentId as string;
  const signed = await signAs('jst', contract);
  if (signed.status !== 200) throw new Error(`sign: ${JSON.stringify(signed.body)}`);
  const signatures = (await get('/api/contract-signatures', jst)).body.data as Array<{ documentId: string }>;
  const rec = (documentId: string, orgs: number[]) => ({ documentId, orgs, province: '11' });
  return {
    order: rec(placed.documentId, [org.jst!]),
    line: rec(line, [org.jst!, org.bjDist1!, weigao]),
    delivery: rec(delivery, [org.jst!, org.bjDist1!, weigao]),
    return: rec(ret, [org.jst!, org.bjDist1!]),
    relationship: rec(w.relationship.documentId, [org.jst!, org.bjDist1!]),
    delegation: rec(d.documentId, [weigao, org.bjDist1!]),
    delegationItem: rec(item.documentId, [weigao, org.bjDist1!]),
    account: rec(account.documentId, [org.bjBureau!]),
    contact: { ...rec(contact.documentId, [org.jst!]), province: '' },
    // The partner hospital's default contact as a counterpart's: read by those who deal with it (bjDist1: relationship).
    counterpart: { ...rec(String(partner.id), [partner.id as number, org.bjDist1!]), absent: '2147483647' },
    operator: { ...rec(String(op.body.data.id), [org.jst!]), province: '', absent: '2147483647' },
    contract: rec(contract, [org.jst!, weigao, org.bjDist1!]),
    signature: { ...rec(signatures.at(-1)!.documentId, [org.jst!]), province: '' },
    volume: rec(v.volume.documentId, [org.jst!, weigao]),
    organisation: rec((await me('jst')).organisation.documentId, [org.jst!]),
  };
}
