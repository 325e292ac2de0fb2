import { makeCreditCode } from '../../../src/domain';
import { createUser, loginAs, testSupport, unique } from '../support/client';

export const mobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
export function creditCode(prefix = '9111'): string {
  let s = prefix;
  while (s.length < 17) s += String(Math.floor(Math.random() * 10));
  return makeCreditCode(s);
}

/** A fresh organisation of `type` with an administrator login (so tests never touch the demo ones). */
export async function freshOrg(type: 'distributor' | 'hospital' | 'manufacturer' = 'distributor', provinceCode = '11') {
  const org = await testSupport.fixture('organisation', { name: unique(`测试${type}`), type, provinceCode, enabled: true, phone: '010-12345678' });
  const admin = await createUser(org.id, { password: 'Admin2026x' });
  return { org: org as { id: number; documentId: string; name: string }, admin, jwt: await loginAs(admin.username, admin.password) };
}
