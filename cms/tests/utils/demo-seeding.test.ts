import { describe, expect, it } from 'vitest';
import { firstAdminRegistrationOpen, seedsDemo, seedsDemoActivity } from '../../src/utils/demo-seeding';

describe('seedsDemo', () => {
  it('never seeds demo logins in production, even when asked to', () => {
    expect(seedsDemo({ NODE_ENV: 'production' })).toBe(false);
    expect(seedsDemo({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toBe(false);
  });

  it('seeds them in development and test unless SEED_DEMO=false', () => {
    expect(seedsDemo({})).toBe(true);
    expect(seedsDemo({ NODE_ENV: 'development' })).toBe(true);
    expect(seedsDemo({ NODE_ENV: 'test' })).toBe(true);
    expect(seedsDemo({ NODE_ENV: 'development', SEED_DEMO: 'false' })).toBe(false);
  });
});

describe('seedsDemoActivity', () => {
  it("adds the demo's orders, deliveries and returns in development only, unless SEED_DEMO_ACTIVITY=false", () => {
    expect(seedsDemoActivity({})).toBe(true);
    expect(seedsDemoActivity({ NODE_ENV: 'development' })).toBe(true);
    expect(seedsDemoActivity({ NODE_ENV: 'development', SEED_DEMO_ACTIVITY: 'false' })).toBe(false);
    expect(seedsDemoActivity({ NODE_ENV: 'development', SEED_DEMO: 'false' })).toBe(false);
    expect(seedsDemoActivity({ NODE_ENV: 'test' })).toBe(false);
    expect(seedsDemoActivity({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toBe(false);
  });
});

describe('firstAdminRegistrationOpen', () => {
  it("is closed in production unless ADMIN_FIRST_REGISTRATION=open; open elsewhere, as Strapi's own", () => {
    expect(firstAdminRegistrationOpen({ NODE_ENV: 'production' })).toBe(false);
    expect(firstAdminRegistrationOpen({ NODE_ENV: 'production', ADMIN_FIRST_REGISTRATION: 'true' })).toBe(false);
    expect(firstAdminRegistrationOpen({ NODE_ENV: 'production', ADMIN_FIRST_REGISTRATION: 'open' })).toBe(true);
    expect(firstAdminRegistrationOpen({})).toBe(true);
    expect(firstAdminRegistrationOpen({ NODE_ENV: 'development' })).toBe(true);
    expect(firstAdminRegistrationOpen({ NODE_ENV: 'test' })).toBe(true);
  });
});
