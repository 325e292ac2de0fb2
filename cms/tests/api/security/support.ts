import fs from 'node:fs';
import { inject } from 'vitest';
import { post } from '../support/client';

export interface SecurityLine {
  type: string;
  time: string;
  event: string;
  outcome: string;
  userId?: number | null;
  username?: string | null;
  organisationId?: number | null;
  actor?: { userId?: number; username?: string; organisationId?: number | null };
  code?: string;
  status?: number;
  requestId: string | null;
  ip: string | null;
  path: string | null;
}

/** The lines of the server's security log file (SECURITY_LOG_FILE, set by the global setup). */
export function securityLines(): SecurityLine[] {
  const file = inject('securityLog');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SecurityLine);
}

/** Waits (polling, at most 5 s) until the log holds a line matching `pred`, and answers it. */
export async function securityLine(pred: (l: SecurityLine) => boolean): Promise<SecurityLine> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const hit = securityLines().find(pred);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error('no such security log line');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const login = (identifier: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${inject('baseUrl')}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ identifier, password }),
  }).then(async (res) => ({ status: res.status, headers: res.headers, body: (await res.json()) as any }));

/** Test-only: other login limits (`{}` restores the configured ones). */
export const setLoginLimits = (limits: { ipMaxFailures?: number; maxFailures?: number; lockMs?: number }) => post('/api/test/login-limits', limits);
