import { describe, expect, it } from 'vitest';
import { seedsDemo } from '../../src/utils/demo-seeding';

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
