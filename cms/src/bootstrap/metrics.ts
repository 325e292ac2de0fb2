import type { Core } from '@strapi/strapi';
import { metricsConfig, startMetrics } from '../utils/metrics';

/** Prometheus metrics when METRICS_TOKEN or METRICS_PORT is set (README, "Run it in production"). */
export function registerMetrics(strapi: Core.Strapi) {
  const cfg = metricsConfig(process.env);
  const server = startMetrics(strapi.db.connection, cfg);
  if (!server) return;
  server.unref();
  server.on('listening', () => strapi.log.info(`[metrics] Prometheus metrics on http://${cfg.host}:${cfg.port}/metrics`));
  server.on('error', (e) => strapi.log.error(`[metrics] METRICS_PORT ${cfg.port}: ${e.message}`));
}
