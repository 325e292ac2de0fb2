import type { Core } from '@strapi/strapi';
import type { PatchedPackage } from './version';

/** `active`, or `disabled: <why>` (out of the tested range, a patched piece moved, switched off by configuration). */
export type PatchState = 'active' | `disabled: ${string}`;

export interface StrapiPatch {
  name: string;
  /** The packages whose internals the patch reaches into: each must be in the tested range. */
  packages: readonly PatchedPackage[];
  /** Why configuration switches the patch off (e.g. `AUTH_CACHE_TTL_MS=0`), or null. */
  switchedOff?(): string | null;
  /**
   * Checks that every piece it patches is where it expects it, then patches: answers why not (and
   * changes nothing) or null once applied.
   */
  apply(strapi: Core.Strapi): string | null;
  /** How often the patch took its shortcut, for the test-only route. */
  counters(): Record<string, number>;
}

/** What a Strapi content-API auth strategy answers. */
export interface AuthResult {
  authenticated?: boolean;
  credentials?: unknown;
  ability?: unknown;
  error?: unknown;
}

/** The part of Koa's context an auth strategy reads and writes. */
export interface AuthContext {
  request?: { header?: { authorization?: string } };
  state: { user?: unknown; session?: unknown };
}

export interface AuthStrategy {
  name: string;
  authenticate(ctx: AuthContext): AuthResult | Promise<AuthResult>;
}

export const isStrategy = (value: unknown, name: string): value is AuthStrategy =>
  typeof value === 'object' && value !== null && (value as AuthStrategy).name === name && typeof (value as AuthStrategy).authenticate === 'function';

/** Loads a built file of an installed package; null when it is not there. */
export function loadBuiltFile(file: string): Record<string, unknown> | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file);
  } catch {
    return null;
  }
}
