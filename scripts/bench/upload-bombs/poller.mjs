// The /_health poller and RSS sampler of the upload-bombs benchmark, in a thread of its own: the uploads
// (a 4.6 MB multipart body built and sent by fetch) keep the benchmark's event loop busy for tens of
// milliseconds, which a poller sharing it would count as the server's stall.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { baseUrl, pid } = workerData;
const rssMb = () => Number((fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/) ?? [])[1] ?? 0) / 1024;

let phase = null; // null (waiting), 'uploads' or 'idle'
const waits = { uploads: [], idle: [] };
let peak = rssMb();
let stop = false;
parentPort.on('message', (m) => {
  if (m === 'stop') stop = true;
  else phase = m;
});
const sampler = setInterval(() => phase === 'uploads' && (peak = Math.max(peak, rssMb())), 20);

while (!stop) {
  if (!phase) {
    await new Promise((r) => setTimeout(r, 5));
    continue;
  }
  const which = phase;
  const t0 = performance.now();
  const mono = process.hrtime.bigint();
  await fetch(`${baseUrl}/_health`);
  waits[which].push(performance.now() - t0);
  if (process.env.BENCH_STALLS && performance.now() - t0 > 60) console.log(`stall ${(performance.now() - t0).toFixed(0)} ms at ${mono / 1000n} µs (${which})`);
  if (which === 'uploads') peak = Math.max(peak, rssMb());
}
clearInterval(sampler);
parentPort.postMessage({ waits, peak });
