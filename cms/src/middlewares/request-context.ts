import { loginIdentity } from '../db/users';
import { requestIdFrom, runInRequest } from '../utils/request-context';
import { securityEvent } from '../utils/security-log';

/**
 * Outermost of ours (config/middlewares.ts): gives every request an id (the client's X-Request-Id when
 * sane, else a new UUID), answers it in X-Request-Id, carries it with the client's IP to the security
 * log (utils/request-context.ts), and logs every refusal for want of authentication or permission
 * (401 / 403) once the answer is settled.
 */
interface RequestContext {
  method: string;
  path: string;
  ip: string;
  status: number;
  body: unknown;
  state: { user?: { id?: unknown; username?: unknown } | null; actor?: { orgId?: unknown } };
  get(field: string): string;
  set(field: string, value: string): void;
}

async function logRefusal(ctx: RequestContext): Promise<void> {
  const userId = typeof ctx.state.user?.id === 'number' ? ctx.state.user.id : null;
  const who = userId === null ? null : await loginIdentity(userId).catch(() => null);
  const code = (ctx.body as { error?: { details?: { code?: unknown } } } | null)?.error?.details?.code;
  securityEvent({
    event: 'access.denied',
    outcome: 'failure',
    userId,
    username: who?.username ?? null,
    organisationId: who?.organisationId ?? null,
    status: ctx.status,
    code: typeof code === 'string' ? code : undefined,
  });
}

export default () => async (ctx: RequestContext, next: () => Promise<void>) => {
  const requestId = requestIdFrom(ctx.get('x-request-id'));
  ctx.set('X-Request-Id', requestId);
  await runInRequest({ requestId, ip: ctx.ip ?? null, method: ctx.method, path: ctx.path }, async () => {
    await next();
    if (ctx.status === 401 || ctx.status === 403) await logRefusal(ctx);
  });
};
