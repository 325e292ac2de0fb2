// Makes sure cms/.env holds the secrets Strapi needs, generating them on first run, and loads it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KEYS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];
const secret = () => crypto.randomBytes(24).toString('base64');

export function ensureEnv({ persist = true } = {}) {
  const file = path.join(cmsDir, '.env');
  const values = {};
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const m = line.match(/^([A-Z0-9_]+)=(.*)$/);
      if (m) values[m[1]] = m[2];
    }
  }
  let changed = false;
  for (const k of KEYS) {
    if (!values[k]) {
      values[k] = k === 'APP_KEYS' ? [secret(), secret(), secret(), secret()].join(',') : secret();
      changed = true;
    }
  }
  if (changed && persist)
    fs.writeFileSync(
      file,
      Object.entries(values)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n') + '\n',
      { mode: 0o600 },
    );
  for (const [k, v] of Object.entries(values)) if (process.env[k] === undefined) process.env[k] = v;
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
}
