import fs from 'fs';
import path from 'path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** What the panel reads and writes of Koa's context. */
interface PanelContext {
  method: string;
  path: string;
  status: number;
  body: unknown;
  type: string;
  set(field: string, value: string): void;
  remove(field: string): void;
}

/**
 * Serves the Refine panel (admin/dist) at `/` on the same origin as `/api` and `/admin`.
 * Strapi's own routes answer first; only what they leave as 404 for a GET falls through to the panel,
 * with index.html for client-side routes.
 */
export default (config: { dir?: string } = {}) => {
  const root = path.resolve(config.dir ?? process.env.PANEL_DIR ?? path.join(__dirname, '..', '..', '..', '..', 'admin', 'dist'));
  return async (ctx: PanelContext, next: () => Promise<void>) => {
    await next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return;
    // Strapi redirects `/` to its own admin; the panel owns `/`.
    const rootRedirect = ctx.path === '/' && ctx.status === 302;
    if (!rootRedirect && (ctx.status !== 404 || ctx.body)) return;
    if (/^\/(api|admin|uploads|documentation|_health)(\/|$)/.test(ctx.path)) return;
    const rel = path.normalize(decodeURIComponent(ctx.path)).replace(/^(\.\.[/\\])+/, '');
    let file = path.join(root, rel);
    if (!file.startsWith(root)) return;
    const isAsset = path.extname(rel) !== '';
    if (!isAsset || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      if (isAsset) return;
      file = path.join(root, 'index.html');
      if (!fs.existsSync(file)) return;
    }
    ctx.status = 200;
    if (rootRedirect) ctx.remove('Location');
    ctx.type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    ctx.set('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.body = fs.createReadStream(file);
  };
};
