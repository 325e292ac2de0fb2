// `npm run create-admin [-- --username lcb_admin --email admin@example.org --reset]`: creates the platform
// administrator login 联采办 (one-time password, changed at first login) and the Strapi administrator
// for content managers (one-time registration link), printing each secret once. Uses the same database
// settings as `npm start` (DATABASE_CLIENT, DATABASE_URL, DATABASE_FILENAME …).
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureEnv, cmsDir } from './env.mjs';

const { values } = parseArgs({
  options: {
    username: { type: 'string', default: 'lcb_admin' },
    email: { type: 'string', default: 'admin@example.org' },
    reset: { type: 'boolean', default: false },
    'public-url': { type: 'string', default: process.env.PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 1337}` },
  },
});

ensureEnv({ persist: process.env.NODE_ENV !== 'test' });
process.chdir(cmsDir);
fs.mkdirSync(path.join(cmsDir, 'public', 'uploads'), { recursive: true });
const compiled = spawnSync(process.execPath, [path.join(cmsDir, 'scripts', 'compile.mjs')], { stdio: 'inherit', env: process.env });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
const require = createRequire(import.meta.url);
const { createStrapi } = require('@strapi/strapi');
const app = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist'), serveAdminPanel: false, autoReload: false });
await app.load();
app.log.level = 'warn';
const { createAdmins } = require(path.join(cmsDir, 'dist', 'src', 'seed', 'create-admin.js'));
try {
  const out = await createAdmins(app, { username: values.username, email: values.email, reset: values.reset });
  const lines = ['', '== 平台管理员 (联采办) platform administrator =='];
  if (out.platform.password) {
    lines.push(`  username: ${out.platform.username}`, `  one-time password: ${out.platform.password}`, '  (shown once; it must be changed at first login)');
  } else lines.push(`  ${out.platform.username} exists already: left unchanged (--reset gives it a new one-time password)`);
  lines.push('', '== Strapi administrator (content managers, /admin) ==');
  if (out.strapiAdmin.registrationToken) {
    lines.push(
      `  email: ${out.strapiAdmin.email}`,
      `  one-time registration link: ${values['public-url']}/admin/auth/register?registrationToken=${out.strapiAdmin.registrationToken}`,
      '  (shown once; open it to set the password. /admin accepts no other registration.)',
    );
  } else lines.push(`  ${out.strapiAdmin.email} exists already: left unchanged`);
  console.log(lines.join('\n') + '\n');
} finally {
  await app.destroy();
}
process.exit(0);
