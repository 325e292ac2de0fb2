import { describe, expect, it, vi } from 'vitest';
import type { Core } from '@strapi/strapi';
import { registerStrapiPatches, STRAPI_PATCHES } from '../../src/strapi-patches';
import { inTestedRange, versionProblem } from '../../src/strapi-patches/version';
import { authChangeOf } from '../../src/bootstrap/auth-change-lifecycles';
import { cacheActor, cachedActor } from '../../src/scope/actor-cache';
import { authChanged } from '../../src/utils/auth-events';
import type { Actor } from '../../src/scope/actor';

// Not domain code: the guards around Strapi's internals, tested without a Strapi.

function fakeStrapi(registry: unknown) {
  const warn = vi.fn();
  const services = new Map<string, unknown>();
  const strapi = {
    log: { warn, info: vi.fn() },
    get: vi.fn((name: string) => (name === 'middlewares' ? registry : undefined)),
    has: (name: string) => services.has(name),
    add: (name: string, value: unknown) => services.set(name, value),
  };
  return { strapi: strapi as unknown as Core.Strapi, warn, services };
}

describe('strapi-patches: the tested version range', () => {
  it.each([
    ['5.54.0', true],
    ['5.54.3', true],
    ['5.53.9', false],
    ['5.55.0', false],
    ['6.0.0', false],
    ['5.54.0-beta.1', false],
    ['', false],
  ])('%s in range: %s', (version, expected) => expect(inTestedRange(version)).toBe(expected));

  it('names the first package out of range, or a missing one', () => {
    expect(versionProblem(['@strapi/strapi', '@strapi/admin'], () => '5.54.0')).toBeNull();
    expect(versionProblem(['@strapi/strapi', '@strapi/admin'], (p) => (p === '@strapi/admin' ? '5.60.1' : '5.54.0'))).toBe(
      '@strapi/admin 5.60.1 is outside the tested range 5.54.0 – <5.55.0',
    );
    expect(versionProblem(['@strapi/strapi'], () => null)).toBe('@strapi/strapi not found');
  });
});

describe('strapi-patches: registerStrapiPatches', () => {
  it('outside the tested range: warns naming each patch, touches nothing, reports every patch disabled', () => {
    const { strapi, warn, services } = fakeStrapi({ get: () => () => undefined, extend: vi.fn() });
    registerStrapiPatches(strapi, () => '5.60.0');
    expect(strapi.get).not.toHaveBeenCalled();
    const report = services.get('strapi-patches') as () => { status: () => Record<string, string> };
    const status = report().status();
    for (const patch of STRAPI_PATCHES) {
      if (status[patch.name] === 'disabled: AUTH_CACHE_TTL_MS=0') continue;
      expect(status[patch.name]).toMatch(/^disabled: @strapi\/\S+ 5\.60\.0 is outside the tested range/);
      expect(warn.mock.calls.some(([msg]) => String(msg).includes(patch.name))).toBe(true);
    }
  });

  it('a patched piece not where expected: that patch warns and stays off', () => {
    const { strapi, warn, services } = fakeStrapi({});
    registerStrapiPatches(strapi, () => '5.54.0');
    const status = (services.get('strapi-patches') as () => { status: () => Record<string, string> })().status();
    expect(status['lean-api-middlewares']).toBe("disabled: Strapi's middleware registry has no extend()");
    expect(status['api-token-jwt-shortcut']).toBe('active');
    expect(warn.mock.calls.some(([msg]) => String(msg).includes('lean-api-middlewares disabled'))).toBe(true);
  });
});

describe('auth changes announced by Strapi writes', () => {
  const user = 'plugin::users-permissions.user';
  const event = (uid: string, action: string, data?: unknown, id?: number) => ({
    action,
    model: { uid },
    params: { data, where: id ? { id } : {} },
    result: id ? { id } : undefined,
  });

  it('a login (lastLoginAt) or a new login announces nothing', () => {
    expect(authChangeOf(event(user, 'afterUpdate', { lastLoginAt: new Date() }, 7))).toBeNull();
    expect(authChangeOf(event(user, 'afterCreate', { username: 'x', blocked: false }, 8))).toBeNull();
  });

  it('blocking, a password, a role or an organisation change names the user when known', () => {
    for (const data of [{ blocked: true }, { password: 'x' }, { role: 3 }, { organisation: 2 }, { mustChangePassword: false }, { confirmed: false }]) {
      expect(authChangeOf(event(user, 'afterUpdate', data, 7))).toEqual({ userIds: [7] });
    }
    expect(authChangeOf(event(user, 'afterUpdateMany', { blocked: true }))).toEqual({});
    expect(authChangeOf(event(user, 'afterDelete', undefined, 7))).toEqual({ userIds: [7] });
  });

  it("organisations: only enabled and the actor's fields; roles and permissions: every write", () => {
    const org = 'api::organisation.organisation';
    expect(authChangeOf(event(org, 'afterUpdate', { enabled: false }, 2))).toEqual({});
    expect(authChangeOf(event(org, 'afterUpdate', { distributionAreaCodes: ['11'] }, 2))).toBeNull();
    expect(authChangeOf(event('plugin::users-permissions.permission', 'afterCreate', { action: 'x' }, 1))).toEqual({});
    expect(authChangeOf(event('plugin::users-permissions.role', 'afterUpdate', { name: 'x' }, 1))).toEqual({});
  });
});

describe('scope/actor-cache', () => {
  const actor = (userId: number) => Object.freeze({ userId, username: `u${userId}`, role: 'hospital', orgId: 1 }) as unknown as Actor;

  it('serves a cached actor until authChanged names its user or names nobody', () => {
    cacheActor(actor(1));
    cacheActor(actor(2));
    expect(cachedActor(1)?.username).toBe('u1');
    authChanged({ userIds: [1] });
    expect(cachedActor(1)).toBeUndefined();
    expect(cachedActor(2)?.username).toBe('u2');
    authChanged({});
    expect(cachedActor(2)).toBeUndefined();
  });
});
