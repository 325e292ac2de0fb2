/**
 * The one seam where the application reaches into Strapi's internals. Each patch checks the installed
 * packages against the tested range (version.ts) and that what it patches is where it expects it; if
 * not, it logs a warning naming itself and stays off: the server then works as plain Strapi, slower.
 */
import type { Core } from '@strapi/strapi';
import { apiTokenShortcutPatch } from './api-token-shortcut';
import { authCachePatch } from './auth-cache';
import { leanMiddlewaresPatch } from './lean-middlewares';
import { sessionRevocationPatch } from './session-revocation';
import type { PatchState, StrapiPatch } from './patch';
import { installedVersion, versionProblem, type PatchedPackage } from './version';

export type { PatchState } from './patch';

// Session revocation first: the authentication cache then wraps its check.
export const STRAPI_PATCHES: readonly StrapiPatch[] = [sessionRevocationPatch, authCachePatch, apiTokenShortcutPatch, leanMiddlewaresPatch];

/** Where the test-only route (api/test-support) finds the patches' state without importing them. */
export const PATCHES_SERVICE = 'strapi-patches';

const states: Record<string, PatchState> = {};

export function patchStatus(): Record<string, PatchState> {
  return { ...states };
}

export function patchCounters(): Record<string, Record<string, number>> {
  return Object.fromEntries(STRAPI_PATCHES.map((p) => [p.name, p.counters()]));
}

function applyOne(strapi: Core.Strapi, patch: StrapiPatch, versionOf: (pkg: PatchedPackage) => string | null): PatchState {
  const off = patch.switchedOff?.();
  if (off) {
    strapi.log.info(`[strapi-patches] ${patch.name} switched off: ${off}`);
    return `disabled: ${off}`;
  }
  let why = versionProblem(patch.packages, versionOf);
  if (!why) {
    try {
      why = patch.apply(strapi);
    } catch (err) {
      why = `failed to apply: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  if (!why) return 'active';
  strapi.log.warn(`[strapi-patches] ${patch.name} disabled: ${why}. Running Strapi's own code instead (correct, slower).`);
  return `disabled: ${why}`;
}

/** Applies every patch that may apply (called once, from Strapi's register phase). */
export function registerStrapiPatches(strapi: Core.Strapi, versionOf: (pkg: PatchedPackage) => string | null = installedVersion) {
  for (const patch of STRAPI_PATCHES) states[patch.name] = applyOne(strapi, patch, versionOf);
  if (!strapi.has(PATCHES_SERVICE)) strapi.add(PATCHES_SERVICE, () => ({ status: patchStatus, counters: patchCounters }));
}
