// 三方合同 signing: 40 contracts awaiting 北京积水潭医院's signature, each signed over HTTP with the demo
// PIN (scrypt KDF + AES-GCM unseal + ECDSA P-256 CMS signature + the transaction), one after another;
// then each contract's signature verified once (POST /api/pki/verify: verify_p95_ms), and one signature 200 times
// (verify_repeated_p95_ms, answered by the server's memo of results). Reports the p95s.
import { createRequire } from 'node:module';
import path from 'node:path';

const N = 40;
const VERIFY = 200;
const PIN = '123456';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * q) - 1))];
};
const p95 = (xs) => quantile(xs, 0.95);

export default async function ({ baseUrl, dbFile, root, login, report }) {
  const call = async (method, url, jwt, body) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const type = res.headers.get('content-type') ?? '';
    const out = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(out).slice(0, 300)}`);
    return out;
  };
  const jst = await login('h_jst');
  const org = async (jwt) => (await call('GET', '/api/me', jwt)).organisation.id;
  const [hospitalId, weigaoId, distId] = [await org(jst), await org(await login('mf_weigao')), await org(await login('P11PS0001'))];

  // A 带量采购 product delegated to 国药控股北京 (the demo seed holds the 已建立 relationship).
  const tag = `BENCH${Date.now().toString(36)}`;
  const product = (
    await call('POST', '/api/test/fixtures/product', null, {
      data: {
        code: tag,
        name: `${tag}带量耗材`,
        registrationNo: tag,
        registrationValidTo: '2099-12-31',
        manufacturer: weigaoId,
        listed: true,
        vbp: true,
        priceFen: 99000,
      },
    })
  ).data;
  const delegation = (
    await call('POST', '/api/test/fixtures/delegation', null, {
      data: {
        delegatorOrgId: weigaoId,
        manufacturerOrgId: weigaoId,
        distributorOrgId: distId,
        provinceCode: '11',
        status: 'accepted',
        level: 1,
        productCount: 1,
      },
    })
  ).data;
  await call('POST', '/api/test/fixtures/delegation-item', null, {
    data: {
      delegationId: delegation.id,
      productId: product.id,
      distributorOrgId: distId,
      provinceCode: '11',
      manufacturerOrgId: weigaoId,
      delegatorOrgId: weigaoId,
    },
  });

  // N agreed volumes (distinct periods), written straight into the database, then picked through the API.
  const require = createRequire(path.join(root, 'cms', 'package.json'));
  const Database = require('better-sqlite3');
  const db = new Database(dbFile);
  db.pragma('busy_timeout = 5000');
  const now = Date.now();
  const insert = db.prepare(
    'insert into contract_volumes (document_id, hospital_org_id, manufacturer_org_id, product_id, province_code, quantity, start_date, end_date, created_at, updated_at, published_at) values (?,?,?,?,?,?,?,?,?,?,?)',
  );
  const volumeIds = [];
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const id = `${tag}v${i}`;
      const year = 2030 + i;
      insert.run(id, hospitalId, weigaoId, product.id, '11', 100, `${year}-01-01`, `${year}-12-31`, now, now, now);
      volumeIds.push(id);
    }
  })();
  db.close();
  const contracts = [];
  for (const v of volumeIds) contracts.push((await call('POST', `/api/contract-volumes/${v}/pick`, jst, { distributorOrgId: distId })).data.documentId);

  const signMs = [];
  for (const c of contracts) {
    const t = performance.now();
    await call('POST', `/api/contracts/${c}/sign`, jst, { pin: PIN });
    signMs.push(performance.now() - t);
  }
  report('sign_p95_ms', p95(signMs).toFixed(1), 'ms');
  report('sign_median_ms', quantile(signMs, 0.5).toFixed(1), 'ms');

  // Each contract's signature verified once: distinct bytes, so the server's memo of earlier results never answers.
  const coldMs = [];
  for (const c of contracts) {
    const cBody = {
      content: (await call('GET', `/api/contracts/${c}/content`, jst)).toString('base64'),
      signature: (await call('GET', `/api/contracts/${c}/signatures/hospital.p7s`, jst)).toString('base64'),
    };
    const t = performance.now();
    const r = await call('POST', '/api/pki/verify', jst, cBody);
    coldMs.push(performance.now() - t);
    if (!r.data.valid) throw new Error(`signature did not verify: ${r.data.reason}`);
  }
  report('verify_p95_ms', p95(coldMs).toFixed(1), 'ms');

  const content = await call('GET', `/api/contracts/${contracts[0]}/content`, jst);
  const signature = await call('GET', `/api/contracts/${contracts[0]}/signatures/hospital.p7s`, jst);
  const body = { content: content.toString('base64'), signature: signature.toString('base64') };
  const verifyMs = [];
  for (let i = 0; i < VERIFY; i++) {
    const t = performance.now();
    const r = await call('POST', '/api/pki/verify', jst, body);
    verifyMs.push(performance.now() - t);
    if (!r.data.valid) throw new Error(`signature did not verify: ${r.data.reason}`);
  }
  report('verify_repeated_p95_ms', p95(verifyMs).toFixed(1), 'ms');
}
