/**
 * Request and database timings in Prometheus' text format (prom-client), for the operators' scraper
 * only: collected when METRICS_TOKEN or METRICS_PORT is configured, answered at `/_metrics` with
 * that bearer token, or on METRICS_PORT (bound to METRICS_HOST, 127.0.0.1 by default) with none.
 */
import http from 'node:http';
import client from 'prom-client';

export interface MetricsConfig {
  token: string | null;
  port: number | null;
  host: string;
}

/** What the environment asks for; a token shorter than 16 characters is refused (a guessable guard is none). */
export function metricsConfig(env: NodeJS.ProcessEnv): MetricsConfig {
  const token = env.METRICS_TOKEN?.trim() || null;
  if (token && token.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters');
  const port = env.METRICS_PORT ? Number(env.METRICS_PORT) : null;
  if (port !== null && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error('METRICS_PORT must be a port number');
  return { token, port, host: env.METRICS_HOST?.trim() || '127.0.0.1' };
}

export const registry = new client.Registry();
let enabled = false;

const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, matched route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
const dbDuration = new client.Histogram({
  name: 'db_query_duration_seconds',
  help: 'Time of one database query, by its SQL verb',
  labelNames: ['verb'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  registers: [registry],
});
const dbErrors = new client.Counter({
  name: 'db_query_errors_total',
  help: 'Database queries that failed, by SQL verb',
  labelNames: ['verb'] as const,
  registers: [registry],
});

export const metricsEnabled = () => enabled;

export function observeRequest(method: string, route: string, status: number, seconds: number) {
  if (enabled) httpDuration.observe({ method, route, status: String(status) }, seconds);
}

const VERBS = new Set(['select', 'insert', 'update', 'delete', 'with', 'begin', 'commit', 'rollback', 'savepoint', 'release', 'pragma']);
export function sqlVerb(sql: unknown): string {
  const word = typeof sql === 'string' ? (/^\s*([A-Za-z]+)/.exec(sql)?.[1] ?? '').toLowerCase() : '';
  return VERBS.has(word) ? word : 'other';
}

interface QueryEmitter {
  on(event: 'query' | 'query-response' | 'query-error', fn: (...args: unknown[]) => void): unknown;
}

/** Starts collecting: default process metrics, and each knex query timed by its uid. */
export function startMetrics(knex: QueryEmitter, cfg: MetricsConfig): http.Server | null {
  if (!cfg.token && cfg.port === null) return null;
  enabled = true;
  client.collectDefaultMetrics({ register: registry });
  const started = new Map<string, { at: bigint; verb: string }>();
  const uid = (q: unknown) => (q as { __knexQueryUid?: string } | null)?.__knexQueryUid;
  knex.on('query', (q) => {
    const id = uid(q);
    if (id) started.set(id, { at: process.hrtime.bigint(), verb: sqlVerb((q as { sql?: unknown }).sql) });
  });
  const done = (q: unknown, failed: boolean) => {
    const id = uid(q);
    const s = id ? started.get(id) : undefined;
    if (!s || !id) return;
    started.delete(id);
    dbDuration.observe({ verb: s.verb }, Number(process.hrtime.bigint() - s.at) / 1e9);
    if (failed) dbErrors.inc({ verb: s.verb });
  };
  knex.on('query-response', (_r, q) => done(q, false));
  knex.on('query-error', (_e, q) => done(q, true));
  if (cfg.port === null) return null;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  server.listen(cfg.port, cfg.host);
  return server;
}
