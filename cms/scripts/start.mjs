// `npm start`: builds Strapi (TypeScript and its admin panel) when sources changed, then serves
// everything on one URL: the Refine panel at /, the REST API at /api, Strapi's admin at /admin.
import { execSync } from 'node:child_process';
import cluster from 'node:cluster';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureEnv, cmsDir } from './env.mjs';

ensureEnv();
process.chdir(cmsDir);
fs.mkdirSync(path.join(cmsDir, 'public', 'uploads'), { recursive: true });

// The documentation plugin rewrites its generated OpenAPI file at every start: not a source change.
const GENERATED = path.join(cmsDir, 'src', 'extensions', 'documentation');
const newest = (dir) => {
  let t = 0;
  if (!fs.existsSync(dir) || dir === GENERATED) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
};
const marker = path.join(cmsDir, 'dist', 'build', 'index.html');
const builtAt = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
if (builtAt < Math.max(newest(path.join(cmsDir, 'src')), newest(path.join(cmsDir, 'config')))) {
  execSync('npx strapi build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

if (process.argv.includes('--build-only')) process.exit(0);

const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi'); // its ESM build cannot load under Node 20
const app = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') });
await app.start();
const stop = async () => {
  await app.destroy();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? 1337;
if (cluster.isWorker) console.log(`  worker ${cluster.worker.id} (pid ${process.pid}) serving http://${host}:${port}/`);
else console.log(`\n  医用耗材采购配送平台 ready: http://${host}:${port}/  (REST API /api, Strapi admin /admin)\n`);
