/**
 * 证书申领, 修改PIN, 重新签发 and opening an organisation's signing key with its PIN. Ten consecutive
 * wrong PINs lock the certificate; the organisation's bureau or the platform admin re-issues it
 * (the locked certificate is superseded and the organisation applies again: new key, new PIN).
 * Superseded certificates stay in the table: signatures made with them keep verifying.
 */
import { createId } from '@paralleldrive/cuid2';
import type crypto from 'node:crypto';
import { z } from 'zod';
import { assertPinFormat, DomainError, PIN_MAX_FAILURES, pinAttemptsLeft } from '../../../domain';
import { CURRENT_SUITE } from '../../../pki/algorithm';
import { buildCertificate, describeCertificate, newKeyPair, newSerial, toPem } from '../../../pki/certificate';
import { openKey, parseSealedKey, sealKey } from '../../../pki/key-vault';
import type { Actor } from '../../../scope';
import { notFound } from '../../../scope/ownership';
import { now } from '../../../utils/clock';
import { parseInput } from '../../../utils/query';
import { dbIso, type RawRow } from '../../../db/values';
import { authority, CERTS } from './authority';

const CERT_YEARS = 3;
const pin = z.string({ message: '请输入 PIN 码' }).max(64, { message: 'PIN 码过长' });
export const applySchema = z.object({ pin, pinConfirm: pin.optional() }).strict();
export const changeSchema = z.object({ oldPin: pin, newPin: pin, pinConfirm: pin.optional() }).strict();

/** What the panel shows of a certificate (never the key). */
export function certificateView(r: RawRow | undefined) {
  if (!r) return null;
  const failures = Number(r.failed_attempts ?? 0);
  return {
    serial: String(r.serial),
    subject: String(r.subject ?? ''),
    suite: String(r.suite ?? CURRENT_SUITE),
    validFrom: dbIso(r.valid_from),
    validTo: dbIso(r.valid_to),
    locked: !!r.locked,
    failedAttempts: failures,
    attemptsLeft: pinAttemptsLeft(failures),
    certificatePem: null as string | null,
  };
}

/** The organisation's current (not superseded) certificate row. */
export async function currentCertificate(orgId: number): Promise<RawRow | undefined> {
  return strapi.db.connection(CERTS).where({ org_id: orgId, is_ca: false }).whereNull('superseded_at').orderBy('id', 'desc').first();
}

const missing = () => new DomainError('CERT_MISSING', '本单位尚未申领签名证书，请先在“证书管理”中申领', { status: 409 });
const lockedError = () => new DomainError('CERT_LOCKED', `PIN 码已连续输错 ${PIN_MAX_FAILURES} 次，证书已锁定，请联系医保局或联采办重新签发`, { status: 403 });

/**
 * Opens the organisation's signing key with `pin`. A wrong PIN counts one failure (atomically) and
 * answers PIN_WRONG with the attempts left; the failure that reaches the limit locks the certificate.
 */
export async function openSigningKey(orgId: number, rawPin: unknown): Promise<{ key: crypto.KeyObject; row: RawRow; der: Buffer }> {
  const pinText = assertPinFormat(rawPin);
  const row = await currentCertificate(orgId);
  if (!row) throw missing();
  if (row.locked) throw lockedError();
  const key = await openKey(parseSealedKey(String(row.sealed_key)), pinText);
  const knex = strapi.db.connection;
  if (!key) {
    // Two single-statement updates, each atomic: the count, then the lock of whichever failure reached the
    // limit (typed values, not CASE over bound parameters, which PostgreSQL reads as text).
    await knex(CERTS).where({ id: row.id, locked: false }).increment('failed_attempts', 1);
    await knex(CERTS).where({ id: row.id, locked: false }).where('failed_attempts', '>=', PIN_MAX_FAILURES).update({ locked: true, locked_at: now() });
    const after = await knex(CERTS).where({ id: row.id }).first('failed_attempts', 'locked');
    if (after?.locked) throw lockedError();
    const left = pinAttemptsLeft(Number(after?.failed_attempts ?? 0));
    throw new DomainError('PIN_WRONG', `PIN 码错误，还可尝试 ${left} 次`, { status: 400, field: 'pin', details: { attemptsLeft: left } });
  }
  if (Number(row.failed_attempts) > 0) await knex(CERTS).where({ id: row.id, locked: false }).update({ failed_attempts: 0 });
  return { key, row, der: Buffer.from(String(row.certificate), 'base64') };
}

async function orgOf(orgId: number): Promise<RawRow> {
  const org = await strapi.db.connection('organisations').where({ id: orgId }).first('id', 'name', 'credit_code', 'province_code', 'type');
  if (!org) throw notFound();
  return org;
}

/** 证书申领: a new key pair and certificate for the actor's organisation, the key sealed under the PIN. */
export async function apply(actor: Actor, body: unknown) {
  const input = parseInput(applySchema, body, 'PIN_INVALID');
  const pinText = assertPinFormat(input.pin);
  if (input.pinConfirm !== undefined && input.pinConfirm !== input.pin)
    throw new DomainError('PIN_MISMATCH', '两次输入的 PIN 码不一致', { status: 400, field: 'pinConfirm' });
  if (await currentCertificate(actor.orgId))
    throw new DomainError('CERT_EXISTS', '本单位已有签名证书；如证书已锁定，请联系医保局或联采办重新签发', { status: 409 });
  const org = await orgOf(actor.orgId);
  const ca = await authority();
  const keys = newKeyPair();
  const at = now();
  const notBefore = new Date(at.getTime() - 60_000);
  const notAfter = new Date(at.getTime() + CERT_YEARS * 365 * 86_400_000);
  const serial = newSerial();
  const subject = {
    commonName: String(org.name),
    organization: String(org.name),
    ...(org.credit_code ? { organizationIdentifier: String(org.credit_code) } : {}),
  };
  const der = buildCertificate({
    subject,
    publicKey: keys.publicKey,
    serial,
    notBefore,
    notAfter,
    ca: false,
    issuer: { certificate: ca.der, privateKey: ca.key },
    signingKey: ca.key,
  });
  const sealed = await sealKey(keys.privateKey.export({ format: 'der', type: 'pkcs8' }), pinText);
  await strapi.db.transaction(async ({ trx }) => {
    if (await strapi.db.connection(CERTS).transacting(trx).where({ org_id: actor.orgId, is_ca: false }).whereNull('superseded_at').first('id')) {
      throw new DomainError('CERT_EXISTS', '本单位已有签名证书', { status: 409 });
    }
    await strapi.db
      .connection(CERTS)
      .transacting(trx)
      .insert({
        document_id: createId(),
        is_ca: false,
        org_id: actor.orgId,
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
  });
  return mine(actor);
}

/** 修改PIN: the old PIN opens the key (a wrong one counts as a failure), the new one seals it again. */
export async function changePin(actor: Actor, body: unknown) {
  const input = parseInput(changeSchema, body, 'PIN_INVALID');
  const newPin = assertPinFormat(input.newPin, 'newPin');
  if (input.pinConfirm !== undefined && input.pinConfirm !== input.newPin)
    throw new DomainError('PIN_MISMATCH', '两次输入的新 PIN 码不一致', { status: 400, field: 'pinConfirm' });
  const { key, row } = await openSigningKey(actor.orgId, input.oldPin);
  const sealed = await sealKey(key.export({ format: 'der', type: 'pkcs8' }), newPin);
  await strapi.db
    .connection(CERTS)
    .where({ id: row.id })
    .update({ sealed_key: JSON.stringify(sealed), updated_at: now() });
  return mine(actor);
}

/** The actor's certificate, or null when it has none. */
export async function mine(actor: Actor) {
  const r = await currentCertificate(actor.orgId);
  const view = certificateView(r);
  if (view && r) view.certificatePem = toPem(Buffer.from(String(r.certificate), 'base64'));
  return { data: view };
}

export default () => ({ apply, changePin, mine, openSigningKey, currentCertificate });
