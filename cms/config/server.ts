export default ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  logger: { updates: { enabled: false }, startup: { enabled: env.bool('STRAPI_STARTUP_MESSAGE', true) } },
  transfer: { remote: { enabled: false } },
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});
