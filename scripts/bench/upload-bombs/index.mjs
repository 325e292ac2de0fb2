// 导入 of the crafted files of issue 14 §2 (1 GiB of zeros declared as 1,000 bytes; 4.6 GiB in a 4.8 MB file;
// declared as 0; zeros in a part no sheet needs), each uploaded 3 times one after another, then all at once,
// while /_health is polled one request after another and the server's RSS is sampled every 20 ms (both in a thread of
// their own, poller.mjs: the uploads keep this event loop busy).
// Figures: the longest /_health answer (goal ≤ 100 ms; health_max_idle_ms: the same without uploads) and the server's peak RSS during the uploads (goal ≤ 600 MB).
// The machine is shared, so a stall may be another process's (the poller's thread or the kernel's scheduling):
// event_loop_max_delay_ms is the server's own longest event-loop delay during the uploads (prom-client's
// monitorEventLoopDelay, read at /_metrics), and main_thread_cpu_ms_per_upload what an upload costs the server's
// event-loop thread (its CPU time from /proc over 3 more rounds of the files, without polling).
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { templateOf, upload } from '../lib/accounts.mjs';
import { issueBombs } from '../lib/xlsx-bombs.mjs';

/** CPU time (user + system) of the server's main thread (its task id is the process id), in ms. */
const mainThreadCpuMs = (pid) => {
  const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  const f = stat
    .slice(stat.lastIndexOf(')') + 1)
    .trim()
    .split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
};
const rssMb = (pid) => Number((fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/) ?? [])[1] ?? 0) / 1024;

// /_metrics (prom-client) for the server's own event-loop delay: its maximum since the previous scrape.
const METRICS_TOKEN = 'upload-bombs-bench-metrics-token';
export const serverEnv = { METRICS_TOKEN };

/** The server's longest event-loop delay (ms) since the previous call (monitorEventLoopDelay, 10 ms resolution). */
async function loopDelayMaxMs(baseUrl) {
  const text = await (await fetch(`${baseUrl}/_metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return Number(/^nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text)?.[1] ?? NaN) * 1000;
}

export default async function ({ baseUrl, login, report, serverPid }) {
  const jwt = await login('sx_ybj');
  const bombs = issueBombs();
  for (const b of bombs) console.log(`${b.name}: ${(b.bytes.length / 1024 / 1024).toFixed(2)} MB`);
  const pid = serverPid();
  const rssBefore = rssMb(pid);
  const poller = new Worker(new URL('./poller.mjs', import.meta.url), { workerData: { baseUrl, pid } });
  const polled = new Promise((resolve, reject) => {
    poller.once('message', resolve);
    poller.once('error', reject);
  });
  const answers = [];
  const loopMax = { uploads: NaN, idle: NaN };
  await loopDelayMaxMs(baseUrl);
  poller.postMessage('uploads');
  const began = performance.now();
  try {
    for (let round = 0; round < 3; round++) for (const b of bombs) answers.push([b.name, await upload(baseUrl, jwt, b.bytes)]);
    const together = await Promise.all(bombs.map((b) => upload(baseUrl, jwt, b.bytes)));
    together.forEach((r, i) => answers.push([`${bombs[i].name} (together)`, r]));
  } finally {
    // The same polling for as long without uploads, for context: the machine is shared and its own stalls show here.
    poller.postMessage('idle');
    loopMax.uploads = await loopDelayMaxMs(baseUrl);
    await new Promise((r) => setTimeout(r, Math.min(30_000, performance.now() - began)));
    poller.postMessage('stop');
    loopMax.idle = await loopDelayMaxMs(baseUrl);
  }
  const { waits: all, peak } = await polled;
  await poller.terminate();
  const { uploads: waits, idle } = all;
  const cpu0 = mainThreadCpuMs(pid);
  for (let round = 0; round < 3; round++) for (const b of bombs) await upload(baseUrl, jwt, b.bytes);
  const cpuPerUpload = (mainThreadCpuMs(pid) - cpu0) / (3 * bombs.length);
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
  report('event_loop_max_delay_ms', loopMax.uploads.toFixed(0), 'ms');
  report('event_loop_max_delay_idle_ms', loopMax.idle.toFixed(0), 'ms');
  report('main_thread_cpu_ms_per_upload', cpuPerUpload.toFixed(1), 'ms');
  report('rss_before_mb', rssBefore.toFixed(0), 'MB');
  report('peak_rss_mb', peak.toFixed(0), 'MB');
}
