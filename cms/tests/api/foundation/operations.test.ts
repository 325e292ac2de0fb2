import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { baseUrl, call, get, loginAs, unique } from '../support/client';

/**
 * What operators read (README, "Run it in production"): the readiness check, Prometheus metrics behind
 * a token or on their own port, and JSON log lines carrying the request id. The test server runs with
 * LOG_FORMAT=json, METRICS_TOKEN and METRICS_PORT (support/global-setup.ts).
 */
const metrics = () => inject('metrics');

async function logLines(): Promise<Array<Record<string, unknown>>> {
  const text = fs.readFileSync(inject('serverLog'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('operations', () => {
  it('/_ready answers that the database answers; /_health stays the cheap liveness answer', async () => {
    const ready = await get('/_ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'up', ms: expect.any(Number) });
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect((await call('POST', '/_ready')).status).toBe(405);
    expect((await get('/_health')).status).toBe(204);
  });

  it('/_metrics is not there without the token; with it, request and query timings in Prometheus text', async () => {
    const jwt = await loginAs('bjDist1');
    expect((await get('/api/me', jwt)).status).toBe(200);
    expect((await get('/_metrics')).status).toBe(404);
    expect((await call('GET', '/_metrics', { headers: { Authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(404);
    expect((await get('/_metrics', jwt)).status).toBe(404); // a user's session is not the operators' token
    const res = await fetch(`${baseUrl()}/_metrics`, { headers: { Authorization: `Bearer ${metrics().token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/me",status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^db_query_duration_seconds_count\{verb="select"\} [1-9]\d*$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('serves the same metrics on METRICS_PORT, on its own path only', async () => {
    const at = `http://127.0.0.1:${metrics().port}`;
    const res = await fetch(`${at}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/me",status="200"\} \d+$/m);
    expect((await fetch(`${at}/`)).status).toBe(404);
    expect((await fetch(`${at}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('writes one JSON object per log line, with the request id the client sent', async () => {
    const requestId = unique('ops-');
    const res = await call('GET', '/api/product-categories-that-do-not-exist', { headers: { 'X-Request-Id': requestId } });
    expect(res.headers.get('x-request-id')).toBe(requestId);
    await expect
      .poll(async () => (await logLines()).find((l) => l.requestId === requestId), { timeout: 5000 })
      .toEqual(
        expect.objectContaining({
          level: 'http',
          requestId,
          timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          message: expect.stringContaining('/api/product-categories-that-do-not-exist'),
        }),
      );
  });
});
