/**
 * The import directions of `cms/docs/architecture.md`, as data: which layer a file belongs to and
 * which layers it may import. Resolves relative specifiers and the panel's `@domain` alias.
 */
import { join } from 'node:path';
import { importsOf, isRelative, REPO, rel, resolveRelative } from './source-files';

export interface Violation {
  file: string;
  line: number;
  target: string;
  rule: string;
}

/** Layers of `cms/src/<layer>/…`; `index` is `cms/src/index.ts`. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: ['domain'],
  utils: ['domain', 'utils'],
  db: ['domain', 'utils', 'db'],
  scope: ['domain', 'utils', 'db', 'scope'],
  pki: ['domain', 'utils', 'pki'],
  api: ['domain', 'utils', 'db', 'scope', 'pki', 'api'],
  policies: ['domain', 'utils', 'db', 'scope', 'policies'],
  middlewares: ['domain', 'utils', 'db', 'scope', 'middlewares'],
  'strapi-patches': ['domain', 'utils', 'db', 'strapi-patches'],
  bootstrap: ['domain', 'utils', 'db', 'scope', 'pki', 'api', 'policies', 'middlewares', 'bootstrap', 'seed', 'jobs'],
  seed: ['domain', 'utils', 'db', 'scope', 'pki', 'api', 'policies', 'middlewares', 'bootstrap', 'seed', 'jobs'],
  jobs: ['domain', 'utils', 'db', 'scope', 'pki', 'api', 'policies', 'middlewares', 'bootstrap', 'seed', 'jobs'],
  // Strapi's plugin extensions (users-permissions) sit where bootstrap code does.
  extensions: ['domain', 'utils', 'db', 'scope', 'pki', 'api', 'policies', 'middlewares', 'bootstrap', 'seed', 'jobs', 'extensions'],
};

const CMS_SRC = 'cms/src/';

/** `cms/src/api/order/services/x.ts` → `api`; `cms/src/index.ts` → `index`; null outside cms/src. */
export function layerOf(file: string): string | null {
  if (!file.startsWith(CMS_SRC)) return null;
  const rest = file.slice(CMS_SRC.length);
  return rest.includes('/') ? rest.split('/')[0]! : 'index';
}

/** `cms/src/api/<aggregate>/<part>/…` → [aggregate, part]. */
function apiParts(file: string): [string, string] {
  const [, aggregate = '', part = ''] = file.slice(CMS_SRC.length).split('/');
  return [aggregate, part];
}

/** `admin/src/pages/<page>/…` → page, else null. */
function pageOf(file: string): string | null {
  const m = /^admin\/src\/pages\/([^/]+)\//.exec(file);
  return m ? m[1]! : null;
}

/** The repository-relative file a specifier names, or null for a package (or an unresolvable path). */
export function targetOf(fromAbs: string, specifier: string): string | null {
  if (isRelative(specifier)) {
    const abs = resolveRelative(fromAbs, specifier);
    return abs ? rel(abs) : `${rel(join(fromAbs, '..', specifier))} (unresolved)`;
  }
  if (specifier === '@domain' || specifier.startsWith('@domain/')) {
    const abs = resolveRelative(join(REPO, 'cms/src/domain/index.ts'), './' + (specifier.slice('@domain/'.length) || 'index'));
    return abs ? rel(abs) : `${specifier} (unresolved)`;
  }
  return null;
}

/** Why importing `target` from `file` breaks a direction, or null when it may. */
export function ruleBroken(file: string, target: string): string | null {
  if (target.endsWith('(unresolved)')) return 'relative import that resolves to no file';
  const from = layerOf(file);
  const to = layerOf(target);
  if (file.startsWith('admin/')) {
    if (target.startsWith('cms/') && to !== 'domain') return 'the panel imports only the domain from cms';
    const a = pageOf(file);
    const b = pageOf(target);
    if (a && b && a !== b) return `a page never imports another page (pages/${a} → pages/${b}): share through components/ or hooks/`;
    return null;
  }
  if (from === null || to === null || from === 'index') return null;
  if (!MAY_IMPORT[from]) return `layer ${from}/ is not in the architecture's table`;
  if (!MAY_IMPORT[from]!.includes(to)) return `${from}/ may import ${MAY_IMPORT[from]!.join(', ')}; not ${to}/`;
  if (from === 'api' && to === 'api') {
    const [aggA] = apiParts(file);
    const [aggB, partB] = apiParts(target);
    if (aggA !== aggB && partB !== 'services') return `an aggregate uses another only through its services (api/${aggB}/${partB})`;
  }
  return null;
}

/** Every import in `files` (absolute) that breaks a direction. */
export function directionViolations(files: readonly string[]): Violation[] {
  const out: Violation[] = [];
  for (const abs of files) {
    const file = rel(abs);
    for (const imp of importsOf(abs)) {
      const target = targetOf(abs, imp.specifier);
      if (layerOf(file) === 'domain' && target === null) {
        out.push({ file, line: imp.line, target: imp.specifier, rule: 'the domain imports no package (the panel bundles it)' });
        continue;
      }
      if (target === null) continue;
      const rule = ruleBroken(file, target);
      if (rule) out.push({ file, line: imp.line, target, rule });
    }
  }
  return out;
}
