// Directives the panels need and nothing more: no `https:` wildcard (Strapi's default), no remote images.
// Strings, not arrays: Strapi fills shorter arrays from its defaults index by index.
const CSP_DIRECTIVES = {
  'connect-src': "'self'",
  'img-src': "'self' data: blob:",
  'media-src': "'self' data: blob:",
  'font-src': "'self' data:",
  // Ant Design writes its styles at run time (CSS-in-JS)
  'style-src': "'self' 'unsafe-inline'",
  'script-src': "'self'",
  'object-src': "'none'",
  'frame-ancestors': "'self'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** CORS_ORIGINS: the other origins (scheme://host:port, comma-separated) whose pages may call the API. */
const corsOrigins = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter((o) => o && o !== '*');

export default ({ env }: { env: (name: string, fallback?: string) => string | undefined }) => [
  // The request id first, so that every log line of the request (Strapi's included) carries it.
  'global::request-context',
  'global::operations',
  'strapi::logger',
  'strapi::errors',
  'global::business-errors',
  { name: 'strapi::security', config: { contentSecurityPolicy: { useDefaults: true, directives: CSP_DIRECTIVES } } },
  // Same-origin needs no CORS; an unlisted Origin gets no Access-Control-Allow-* header at all.
  { name: 'strapi::cors', config: { origin: corsOrigins(env('CORS_ORIGINS', '')) } },
  'strapi::query',
  'global::body-guard',
  { name: 'strapi::body', config: { formLimit: '2mb', jsonLimit: '2mb', textLimit: '1mb', formidable: { maxFileSize: 5 * 1024 * 1024 } } },
  'global::body-checks',
  'global::login-guard',
  'global::auth-hooks',
  'global::admin-registration',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  'global::panel',
];
