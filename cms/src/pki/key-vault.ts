/**
 * Private keys at rest: an organisation's key is kept only encrypted under a key derived from its PIN
 * (scrypt, memory-hard, then AES-256-GCM); the PIN itself is never stored. A wrong PIN fails the GCM
 * tag check, so it is told apart from a right one without keeping anything derived from the PIN.
 * The CA's key is kept the same way under a server secret.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** scrypt cost: N = 2^15, r = 8 (32 MiB, about 100 ms here), p = 1. */
export const KDF_PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;

export interface SealedKey {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

async function deriveKey(secret: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return scrypt(secret.normalize('NFKC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r });
}

/** Encrypts a PKCS #8 DER private key under `secret` (a PIN or a server secret). */
export async function sealKey(pkcs8: Buffer, secret: string, params: { N: number; r: number; p: number } = KDF_PARAMS): Promise<SealedKey> {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const key = await deriveKey(secret, salt, params);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return {
    v: 1,
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** The private key, or null when `secret` is wrong (the GCM tag does not match). */
export async function openKey(sealed: SealedKey, secret: string): Promise<crypto.KeyObject | null> {
  const key = await deriveKey(secret, Buffer.from(sealed.salt, 'base64'), sealed);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  let pkcs8: Buffer;
  try {
    pkcs8 = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
  return crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
}

/** Parses a stored sealed key (JSON text). */
export function parseSealedKey(text: string): SealedKey {
  const v = JSON.parse(text) as SealedKey;
  if (v.v !== 1 || v.kdf !== 'scrypt') throw new Error('unsupported sealed key');
  return v;
}
