/**
 * The security log (ASVS V16): one JSON object a line, `"type":"security"`, for log tools to read.
 * Written to stdout (unless SECURITY_LOG_STDOUT=false) and appended to SECURITY_LOG_FILE when set.
 * Each line carries the time (ISO, China time with its offset), the event and its outcome, the user
 * and organisation concerned, who acted when that is someone else, and the request's id and client IP.
 * Never a password, token or other secret.
 */
import fs from 'node:fs';
import { chinaIso } from '../domain/dates';
import { currentRequest } from './request-context';

export const SECURITY_EVENTS = [
  'login.success',
  'login.failure',
  'login.locked',
  'login.throttled',
  'account.locked',
  'account.unlocked',
  'account.disabled',
  'account.enabled',
  'password.changed',
  'password.reset',
  'logout',
  'access.denied',
] as const;
export type SecurityEventName = (typeof SECURITY_EVENTS)[number];

export interface SecurityPrincipal {
  userId?: number | null;
  username?: string | null;
  organisationId?: number | null;
}

export interface SecurityEvent extends SecurityPrincipal {
  event: SecurityEventName;
  outcome: 'success' | 'failure';
  /** Who acted on the user (the bureau unlocking a distributor), when not the user itself. */
  actor?: SecurityPrincipal;
  /** The refusal's code or HTTP status, and what else explains the event (no secrets). */
  code?: string;
  status?: number;
  detail?: Record<string, unknown>;
}

let file: { path: string; stream: fs.WriteStream } | null = null;

function fileStream(): fs.WriteStream | null {
  const target = process.env.SECURITY_LOG_FILE;
  if (!target) return null;
  if (file?.path !== target) {
    file?.stream.end();
    file = { path: target, stream: fs.createWriteStream(target, { flags: 'a' }) };
    file.stream.on('error', (err) => process.stderr.write(`security log ${target}: ${err.message}\n`));
  }
  return file.stream;
}

/** Writes one event (never throws: logging must not change the answer). */
export function securityEvent(e: SecurityEvent): void {
  try {
    const req = currentRequest();
    const line = JSON.stringify({
      type: 'security',
      time: chinaIso(new Date()),
      ...e,
      requestId: req?.requestId ?? null,
      ip: req?.ip ?? null,
      method: req?.method ?? null,
      path: req?.path ?? null,
    });
    if (process.env.SECURITY_LOG_STDOUT !== 'false') process.stdout.write(`${line}\n`);
    fileStream()?.write(`${line}\n`);
  } catch {
    /* an unloggable event must not fail the request */
  }
}
