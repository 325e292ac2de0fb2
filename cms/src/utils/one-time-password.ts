import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a screen or a printed sheet and typed in.
const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz';
const DIGITS = '23456789';
const ALL = LETTERS + DIGITS;

/**
 * A random one-time password (12 characters, letters and digits, cryptographically random), shown
 * once to whoever hands it over; the holder must change it at first login.
 */
export function oneTimePassword(length = 12): string {
  const chars = [LETTERS[randomInt(LETTERS.length)], DIGITS[randomInt(DIGITS.length)]];
  while (chars.length < length) chars.push(ALL[randomInt(ALL.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
