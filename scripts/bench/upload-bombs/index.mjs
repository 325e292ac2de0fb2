// 导入 of the crafted files of issue 14 §2 (1 GiB of zeros declared as 1,000 bytes; 4.6 GiB in a 4.8 MB file;
// declared as 0; zeros in a part no sheet needs), each uploaded 3 times one after another, then all at once,
// while /_health is polled one request after another and the server's RSS is sampled every 20 ms.
// Figures: the longest /_health answer (goal ≤ 100 ms; health_max_idle_ms: the same without uploads) and the server's peak RSS during the uploads (goal ≤ 600 MB).
import fs from 'node:fs';
import { templateOf, upload } from '../lib/accounts.mjs';
import { issueBombs } from '../lib/xlsx-bombs.mjs';

const rssMb = (pid) => Number((fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/) ?? [])[1] ?? 0) / 1024;

export default async function ({ baseUrl, login, report, serverPid }) {
  const jwt = await login('sx_ybj');
  const bombs = issueBombs();
  for (const b of bombs) console.log(`${b.name}: ${(b.bytes.length / 1024 / 1024).toFixed(2)} MB`);
  const pid = serverPid();
  const rssBefore = rssMb(pid);
  let done = false;
  let peak = rssBefore;
  const waits = [];
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const poller = (async () => {
    while (!done) {
      const t0 = performance.now();
      await fetch(`${baseUrl}/_health`);
      waits.push(performance.now() - t0);
    }
  })();
  const answers = [];
  const began = performance.now();
  try {
    for (let round = 0; round < 3; round++) for (const b of bombs) answers.push([b.name, await upload(baseUrl, jwt, b.bytes)]);
    const together = await Promise.all(bombs.map((b) => upload(baseUrl, jwt, b.bytes)));
    together.forEach((r, i) => answers.push([`${bombs[i].name} (together)`, r]));
  } finally {
    done = true;
    await poller;
    clearInterval(sampler);
  }
  // The same polling for as long without uploads, for context: the machine is shared and its own stalls show here.
  const idle = [];
  for (const end = performance.now() + Math.min(30_000, performance.now() - began); performance.now() < end;) {
    const t0 = performance.now();
    await fetch(`${baseUrl}/_health`);
    idle.push(performance.now() - t0);
  }
  for (const [name, r] of answers) {
    if (r.status !== 400) throw new Error(`${name}: expected 400, got ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  }
  console.log([...new Set(answers.map(([name, r]) => `${name.replace(' (together)', '')}: ${r.body.error.details.code} ${r.body.error.message}`))].join('\n'));
  const t0 = performance.now();
  const ok = await upload(baseUrl, jwt, templateOf(1000, 'UB'));
  if (ok.status !== 200 || ok.body?.data?.created !== 1000)
    throw new Error(`normal import after the bombs failed: ${ok.status} ${JSON.stringify(ok.body).slice(0, 300)}`);
  console.log(`a normal 1,000-row import afterwards: ${((performance.now() - t0) / 1000).toFixed(2)} s; ${waits.length} /_health answers polled`);
  waits.sort((a, b) => a - b);
  report('health_max_stall_ms', waits.at(-1).toFixed(0), 'ms');
  report('health_max_idle_ms', Math.max(...idle).toFixed(0), 'ms');
  report('health_p99_ms', waits[Math.floor(waits.length * 0.99)].toFixed(0), 'ms');
  report('rss_before_mb', rssBefore.toFixed(0), 'MB');
  report('peak_rss_mb', peak.toFixed(0), 'MB');
}
