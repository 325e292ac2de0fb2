import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a screen or a printed sheet and typed in.
const UPPER = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const DIGITS = '23456789';
const ALL = UPPER + LOWER + DIGITS;

/**
 * A random one-time password (12 characters with upper and lower case letters and digits, from a
 * cryptographic source), shown
 * once to whoever hands it over; the holder must change it at first login.
 */
export function oneTimePassword(length = 12): string {
  const chars = [UPPER[randomInt(UPPER.length)], LOWER[randomInt(LOWER.length)], DIGITS[randomInt(DIGITS.length)]];
  while (chars.length < length) chars.push(ALL[randomInt(ALL.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
