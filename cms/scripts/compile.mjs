// Compiles cms/ TypeScript into cms/dist (run as its own process: the compiler's memory never stays in the server).
import { createRequire } from 'node:module';
import { ensureEnv, cmsDir } from './env.mjs';

ensureEnv({ persist: process.env.NODE_ENV !== 'test' });
process.chdir(cmsDir);
const { compileStrapi } = createRequire(import.meta.url)('@strapi/strapi'); // its ESM build cannot load under Node 20
await compileStrapi({ appDir: cmsDir, ignoreDiagnostics: false });
