import { describe, expect, it } from 'vitest';
import { CERT_LIGHTS, certificateLight, DEFAULT_CERT_WINDOW_DAYS } from '../../src/domain';

describe('certificateLight', () => {
  // 2024-06-15 10:00 in Beijing
  const now = new Date('2024-06-15T02:00:00Z');

  it.each([
    ['2020-01-01', 'red'],
    ['2024-06-14', 'red'],
    ['2024-06-15', 'yellow'],
    ['2024-06-16', 'yellow'],
    ['2024-09-13', 'yellow'], // today + 90
    ['2024-09-14', 'green'], // today + 91
    ['2030-01-01', 'green'],
  ])('valid to %s → %s', (validTo, light) => {
    expect(certificateLight(validTo, now)).toBe(light);
  });

  it('turns yellow within the window (90 days by default, configurable)', () => {
    expect(DEFAULT_CERT_WINDOW_DAYS).toBe(90);
    expect(certificateLight('2024-07-15', now, 30)).toBe('yellow');
    expect(certificateLight('2024-07-16', now, 30)).toBe('green');
    expect(certificateLight('2024-06-15', now, 0)).toBe('yellow');
    expect(certificateLight('2024-06-16', now, 0)).toBe('green');
  });

  it('takes dates in China time', () => {
    // 2024-06-14T16:30Z is 2024-06-15 00:30 in Beijing: a certificate valid to 06-14 has expired
    expect(certificateLight('2024-06-14', new Date('2024-06-14T16:30:00Z'))).toBe('red');
    expect(certificateLight('2024-06-14', new Date('2024-06-14T15:30:00Z'))).toBe('yellow');
    expect(certificateLight(new Date('2024-06-13T16:30:00Z'), now)).toBe('red'); // 06-14 in Beijing
    expect(certificateLight('2024-06-14T16:30:00Z', now)).toBe('yellow'); // 06-15 in Beijing
  });

  it('labels and colours the three lights (有效, 即将到期, 已过期)', () => {
    expect(CERT_LIGHTS.green.zh).toBe('有效');
    expect(CERT_LIGHTS.yellow.zh).toBe('即将到期');
    expect(CERT_LIGHTS.red.zh).toBe('已过期');
    expect(CERT_LIGHTS.red.color).toBe('red');
    expect(CERT_LIGHTS.green.color).toBe('green');
  });

  it('refuses an impossible calendar date as DATE_INVALID', () => {
    expect(() => certificateLight('2024-02-30', now)).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});
