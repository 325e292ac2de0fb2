// `npm run bench -- order-inbox`: the distributor's 待配送 tab (status filter + newest first, 20 a page)
// over 1,000,000 order lines at 10 concurrent connections, and, on the same data, Strapi's generic REST
// `find` of order lines with the same filter.
import os from 'node:os';
import autocannon from 'autocannon';
import { generateOrderLines } from './lib/generate-order-lines.mjs';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

function run(url, headers, duration = DURATION, connections = 10) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

export default async function ({ baseUrl, dbFile, login, report, restart }) {
  const g = generateOrderLines(dbFile, { count: LINES });
  console.log(`generated ${g.lines} order lines in ${g.orders} orders (${g.seconds.toFixed(1)} s)`);
  await restart();
  const jwt = await login('P11PS0001');
  const headers = { authorization: `Bearer ${jwt}` };
  const inbox = `${baseUrl}/api/order-lines/search?tab=todo&pagination[page]=1&pagination[pageSize]=20&sort=orderedAt:desc`;
  const first = await (await fetch(inbox, { headers })).json();
  if (!first.data || first.data.length !== 20) throw new Error(`inbox answered ${JSON.stringify(first).slice(0, 300)}`);
  console.log(`inbox total: ${first.meta.pagination.total}${first.meta.pagination.totalCapped ? '+' : ''}`);
  await run(inbox, headers, 3); // warm up
  const r = await run(inbox, headers);
  if (r.non2xx) throw new Error(`inbox: ${r.non2xx} non-2xx answers`);
  report('inbox_rps', Math.round(r.requests.average));
  report('inbox_p99_ms', r.latency.p99, 'ms');
  // Context for the figures: the same server's ceiling on its cheapest route, and the machine's load.
  const h = await run(`${baseUrl}/_health`, {}, 3);
  report('health_rps', Math.round(h.requests.average));
  report('loadavg_1m', os.loadavg()[0].toFixed(1));

  const generic = `${baseUrl}/api/order-lines?filters[status][$in][0]=pending&filters[status][$in][1]=confirmed&filters[status][$in][2]=delivering&sort=orderedAt:desc&pagination[page]=1&pagination[pageSize]=20`;
  const gFirst = await fetch(generic, { headers });
  if (gFirst.status !== 200) throw new Error(`generic find answered ${gFirst.status}`);
  const g2 = await run(generic, headers, Math.min(DURATION, 10));
  report('generic_find_rps', Math.round(g2.requests.average * 10) / 10);
  report('generic_find_p99_ms', g2.latency.p99, 'ms');
}
