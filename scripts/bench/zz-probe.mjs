import autocannon from 'autocannon';
import { generateOrderLines } from './lib/generate-order-lines.mjs';
const run = (url, headers, duration = 4) => new Promise((res, rej) => autocannon({ url, connections: 10, duration, headers }, (e, r) => (e ? rej(e) : res(r))));
export default async function ({ baseUrl, dbFile, login, restart }) {
  generateOrderLines(dbFile, { count: Number(process.env.BENCH_LINES ?? 200000) });
  await restart();
  const jwt = await login('P11PS0001');
  const h = { authorization: `Bearer ${jwt}` };
  for (const [n, u] of [['health', '/_health'], ['me', '/api/me'], ['regions', '/api/regions?pagination[pageSize]=1'], ['inbox', '/api/order-lines/search?tab=todo&pagination[pageSize]=20'], ['inbox-again', '/api/order-lines/search?tab=todo&pagination[pageSize]=20']]) {
    await run(baseUrl + u, h, 2);
    const r = await run(baseUrl + u, h);
    console.log(n, Math.round(r.requests.average), 'rps p99', r.latency.p99, 'non2xx', r.non2xx);
  }
}
