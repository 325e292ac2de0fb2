/** Security-log lines about a login (utils/security-log.ts), with its username and organisation read here. */
import { securityEvent, type SecurityEvent, type SecurityPrincipal } from '../utils/security-log';
import { loginIdentity } from './users';

/** Logs `e` about login `userId`; `actorUserId` names who acted on it when that is someone else. Never throws. */
export async function securityEventOf(userId: number, e: Omit<SecurityEvent, keyof SecurityPrincipal | 'actor'>, actorUserId?: number): Promise<void> {
  try {
    const subject = { userId, ...(await loginIdentity(userId)) };
    const actor = actorUserId === undefined || actorUserId === userId ? undefined : { userId: actorUserId, ...(await loginIdentity(actorUserId)) };
    securityEvent({ ...e, ...subject, ...(actor ? { actor } : {}) });
  } catch {
    securityEvent({ ...e, userId });
  }
}
