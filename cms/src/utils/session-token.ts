/** What the server reads of its own JWTs without verifying them again (the strategy already did). */

/** The issue time of a JWT in epoch ms (`iatMs`, else the seconds of `iat`), or null. */
export function tokenIssuedAtMs(token: string | undefined | null): number | null {
  const part = token?.split('.')[1];
  if (!part) return null;
  try {
    const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { iatMs?: unknown; iat?: unknown };
    if (typeof claims.iatMs === 'number' && Number.isFinite(claims.iatMs)) return claims.iatMs;
    return typeof claims.iat === 'number' && Number.isFinite(claims.iat) ? claims.iat * 1000 : null;
  } catch {
    return null;
  }
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(authorization: string | undefined | null): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return m ? m[1]! : null;
}
