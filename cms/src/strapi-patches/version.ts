import path from 'node:path';

/**
 * The Strapi versions the patches were written against and tested on (the API suite's
 * strapi-patches.test.ts). Outside this range a patch does not apply itself: the server then runs
 * exactly as plain Strapi, only slower.
 */
export const TESTED_RANGE = { from: '5.54.0', below: '5.55.0' } as const;

/** The packages whose built files or registries the patches reach into. */
export type PatchedPackage = '@strapi/strapi' | '@strapi/plugin-users-permissions' | '@strapi/admin';

/** The directory of an installed package (its package.json resolved from this app). */
export function packageDir(pkg: PatchedPackage): string {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

export function installedVersion(pkg: PatchedPackage): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version: unknown = require(path.join(packageDir(pkg), 'package.json')).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

/** Compares the numeric `major.minor.patch` of two versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).slice(0, 3).map(Number);
  const pb = b.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function inTestedRange(version: string): boolean {
  if (!/^\d+\.\d+\.\d+$/.test(version)) return false; // pre-releases were never tested
  return compareVersions(version, TESTED_RANGE.from) >= 0 && compareVersions(version, TESTED_RANGE.below) < 0;
}

/** Why the installed packages rule a patch out, or null when each is in the tested range. */
export function versionProblem(packages: readonly PatchedPackage[], versionOf: (pkg: PatchedPackage) => string | null = installedVersion): string | null {
  for (const pkg of packages) {
    const version = versionOf(pkg);
    if (!version) return `${pkg} not found`;
    if (!inTestedRange(version)) return `${pkg} ${version} is outside the tested range ${TESTED_RANGE.from} – <${TESTED_RANGE.below}`;
  }
  return null;
}
