/**
 * Builds the admin panel (served by the Strapi server at `/`) unless admin/dist is newer than
 * every file of admin/src, admin/index.html and the domain module it bundles.
 * Playwright starts the webServer before globalSetup; that is fine because the server reads
 * admin/dist per request.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// e2e is a CommonJS package (no "type": "module"): Playwright loads this file as CJS.
const repoRoot = path.resolve(__dirname, '..');

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export default function globalSetup(): void {
  const built = path.join(repoRoot, 'admin', 'dist', 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sources = ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'cms/src/domain'].map((p) => newestMtime(path.join(repoRoot, p)));
  if (builtAt > 0 && builtAt >= Math.max(...sources)) return;
  console.log('[e2e] building admin panel (npm run build -w admin)…');
  execSync('npm run build -w admin', { cwd: repoRoot, stdio: 'inherit' });
}
