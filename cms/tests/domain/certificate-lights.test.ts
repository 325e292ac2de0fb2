import { describe, expect, it } from 'vitest';
import { isOrderableLight, isWarningLight } from '../../src/domain';

describe('certificate lights for ordering', () => {
  it('lets a product be ordered while its certificate is valid or expiring, never once expired', () => {
    expect(isOrderableLight('green')).toBe(true);
    expect(isOrderableLight('yellow')).toBe(true);
    expect(isOrderableLight('red')).toBe(false);
    expect(isOrderableLight(null)).toBe(false);
  });

  it('warns beside the price about expiring and expired certificates only', () => {
    expect(isWarningLight('yellow')).toBe(true);
    expect(isWarningLight('red')).toBe(true);
    expect(isWarningLight('green')).toBe(false);
    expect(isWarningLight(undefined)).toBe(false);
  });
});
