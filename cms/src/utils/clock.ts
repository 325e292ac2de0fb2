/**
 * The server's clock. Rules that depend on time (the 30-day 解约中, certificate lights, expiry) read
 * `now()`; in the test environment only, tests may move it (see api/test-clock).
 */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

export function setClockOffset(ms: number) {
  if (process.env.NODE_ENV !== 'test') throw new Error('The clock can only be moved in the test environment');
  offsetMs = ms;
}

export function clockOffset() {
  return offsetMs;
}
