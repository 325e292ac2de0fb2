/**
 * The platform's certificate authority: a root key and certificate created at the first start and
 * kept in the database (signing_certificates, isCa), never in the repository. Its key is sealed
 * under the server secret PKI_CA_SECRET (else Strapi's ENCRYPTION_KEY); its certificate is public.
 */
import { createId } from '@paralleldrive/cuid2';
import type crypto from 'node:crypto';
import { CURRENT_SUITE, suite } from '../../../pki/algorithm';
import { buildCertificate, describeCertificate, newKeyPair, newSerial, toPem } from '../../../pki/certificate';
import { openKey, parseSealedKey, sealKey } from '../../../pki/key-vault';
import { now } from '../../../utils/clock';

export const CERTS = 'signing_certificates';
const CA_NAME = { commonName: '医用耗材采购配送平台根证书 CA', organization: '国家组织医用耗材联合采购办公室' };
const CA_YEARS = 20;
/** The CA's secret is machine-generated and long: a lighter scrypt cost suffices. */
const CA_KDF = { N: 1 << 14, r: 8, p: 1 };

export interface Authority {
  id: number;
  der: Buffer;
  pem: string;
  key: crypto.KeyObject;
}

let cached: Promise<Authority> | null = null;

function serverSecret(): string {
  const s = process.env.PKI_CA_SECRET || process.env.ENCRYPTION_KEY || process.env.APP_KEYS;
  if (!s) throw new Error('PKI: set PKI_CA_SECRET (or ENCRYPTION_KEY) to keep the CA key');
  return s;
}

async function loadOrCreate(): Promise<Authority> {
  const knex = strapi.db.connection;
  let row = await knex(CERTS).where({ is_ca: true }).whereNull('superseded_at').orderBy('id', 'asc').first();
  if (!row) {
    const keys = newKeyPair();
    const at = now();
    const notBefore = new Date(at.getTime() - 60_000);
    const notAfter = new Date(at.getTime() + CA_YEARS * 365 * 86_400_000);
    const serial = newSerial();
    const der = buildCertificate({ subject: CA_NAME, publicKey: keys.publicKey, serial, notBefore, notAfter, ca: true, signingKey: keys.privateKey });
    const sealed = await sealKey(keys.privateKey.export({ format: 'der', type: 'pkcs8' }), serverSecret(), CA_KDF);
    await knex(CERTS).insert({
      document_id: createId(),
      is_ca: true,
      org_id: null,
      serial,
      subject: describeCertificate(der).subject.split('\n').join(', '),
      suite: CURRENT_SUITE,
      certificate: der.toString('base64'),
      sealed_key: JSON.stringify(sealed),
      failed_attempts: 0,
      locked: false,
      valid_from: notBefore,
      valid_to: notAfter,
      created_at: at,
      updated_at: at,
      published_at: at,
    });
    row = await knex(CERTS).where({ is_ca: true }).whereNull('superseded_at').orderBy('id', 'asc').first();
    strapi.log.info(`PKI: platform CA created (serial ${serial}, ${suite().name})`);
  }
  const der = Buffer.from(String(row.certificate), 'base64');
  const key = await openKey(parseSealedKey(String(row.sealed_key)), serverSecret());
  if (!key) throw new Error('PKI: the CA key does not open with the configured secret (PKI_CA_SECRET / ENCRYPTION_KEY changed?)');
  return { id: Number(row.id), der, pem: toPem(der), key };
}

/** The platform CA, created on first use (bootstrap calls it once at start). */
export function authority(): Promise<Authority> {
  if (!cached) {
    cached = loadOrCreate();
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Creates the CA at start, so that the first request does not wait for it. */
export async function registerPki(): Promise<void> {
  await authority();
}

export default () => ({ authority, registerPki });
