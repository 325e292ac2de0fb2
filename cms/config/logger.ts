// Strapi's default console logger, at LOG_LEVEL (default `http`: one line per request). LOG_LEVEL=info
// drops the per-request lines (benchmarks; busy servers behind their own access log).
export default ({ env }) => ({ level: env('LOG_LEVEL', 'http') });
