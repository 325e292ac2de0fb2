import { afterEach, describe, expect, it } from 'vitest';
import { authChanged, onAuthChange, type AuthChange } from '../../src/utils/auth-events';
import { clockOffset, now, setClockOffset } from '../../src/utils/clock';

describe('auth-change events', () => {
  it('hands every listener the users concerned, and an empty change when unknown', () => {
    const seen: AuthChange[] = [];
    const stop = onAuthChange((c) => seen.push(c));
    authChanged({ userIds: [3, 4] });
    authChanged();
    stop();
    expect(seen).toEqual([{ userIds: [3, 4] }, {}]);
  });

  it('stops calling a listener once it unsubscribed', () => {
    let calls = 0;
    const stop = onAuthChange(() => calls++);
    stop();
    authChanged({ userIds: [1] });
    expect(calls).toBe(0);
  });
});

describe('the clock', () => {
  const env = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = env;
    setClockOffset(0);
  });

  it('moves by the offset the test environment sets', () => {
    setClockOffset(31 * 24 * 3600 * 1000);
    expect(clockOffset()).toBe(31 * 24 * 3600 * 1000);
    expect(now().getTime() - Date.now()).toBeGreaterThanOrEqual(31 * 24 * 3600 * 1000 - 1000);
  });

  it('refuses to move outside the test environment', () => {
    process.env.NODE_ENV = 'production';
    expect(() => setClockOffset(1000)).toThrow('The clock can only be moved in the test environment');
    process.env.NODE_ENV = env;
    expect(clockOffset()).toBe(0);
  });
});
