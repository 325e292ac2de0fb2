/**
 * 签订 and 拒签. Signing: the PIN opens the organisation's key (outside any transaction: the KDF takes
 * about 100 ms), the detached CMS signature is made over the stored content bytes, then one transaction
 * locks the contract row, re-checks the state, stores the signature (one per party: a unique index)
 * and, when the third lands, makes the contract 已生效 exactly once.
 */
import type { Knex } from 'knex';
import {
  assertCanSign,
  CONTRACT_STATUS,
  contractMachine,
  contractPartyOf,
  contractStatusAfterSign,
  DomainError,
  requireReason,
  type ContractParty,
  type ContractRow,
} from '../../../domain';
import { signDetached } from '../../../pki/cms-signature';
import { describeCertificate } from '../../../pki/certificate';
import type { Actor } from '../../../scope';
import { notOwner } from '../../../scope/ownership';
import { now } from '../../../utils/clock';
import { parseInput } from '../../../utils/query';
import type { RawRow } from '../../../db/values';
import { openSigningKey } from '../../pki/services/certificates';
import type historyService from '../../state-history/services/state-history';
import { refuseSchema, signSchema } from '../support/input';
import { oneContract } from '../support/rows';

const history = () => strapi.service('api::state-history.state-history') as unknown as ReturnType<typeof historyService>;

function partyOrRefuse(row: ContractRow, actor: Actor): ContractParty {
  const party = contractPartyOf(row, actor);
  if (!party) throw notOwner('只有合同的甲乙丙三方可以签订或拒签');
  return party;
}

const isUniqueViolation = (e: unknown) =>
  /unique|duplicate/i.test(String((e as { message?: string })?.message ?? '')) || (e as { code?: string })?.code === '23505';

async function lockedContract(trx: Knex.Transaction, id: number): Promise<RawRow> {
  const row = await strapi.db.connection('contracts').transacting(trx).where({ id }).forUpdate().first('id', 'status');
  return row as RawRow;
}

/** POST /api/contracts/:documentId/sign { pin } */
export async function sign(actor: Actor, documentId: string, body: unknown): Promise<{ status: string; effective: boolean }> {
  const input = parseInput(signSchema, body, 'PIN_INVALID');
  const { row, raw } = await oneContract(actor, documentId);
  const party = partyOrRefuse(row, actor);
  assertCanSign(
    row.status,
    party,
    row.parties.filter((p) => p.signed).map((p) => p.party),
  );
  const { key, row: cert, der } = await openSigningKey(actor.orgId, input.pin);
  const signedAt = now();
  const p7s = signDetached(Buffer.from(String(raw.content ?? ''), 'utf8'), key, der, signedAt);
  const info = describeCertificate(der);
  try {
    return await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const current = await lockedContract(trx, row.id);
      const signed: string[] = (await strapi.db.connection('contract_signatures').transacting(trx).where({ contract_id: row.id }).select('party')).map(
        (s: RawRow) => String(s.party),
      );
      assertCanSign(String(current.status), party, signed);
      await strapi.db
        .connection('contract_signatures')
        .transacting(trx)
        .insert({
          document_id: `${row.documentId}-${party}`,
          contract_id: row.id,
          party,
          org_id: actor.orgId,
          user_id: actor.userId,
          signed_at: signedAt,
          content_hash: row.contentHash,
          cert_subject: info.subject.split('\n').join(', ').slice(0, 500),
          cert_serial: info.serial,
          certificate_id: Number(cert.id),
          signature: p7s.toString('base64'),
          created_at: signedAt,
          updated_at: signedAt,
          published_at: signedAt,
        });
      const next = contractStatusAfterSign([...signed, party]);
      let effective = false;
      if (next === CONTRACT_STATUS.effective) {
        const n = await strapi.db
          .connection('contracts')
          .transacting(trx)
          .where({ id: row.id, status: CONTRACT_STATUS.signing })
          .update({ status: next, effective_at: signedAt, updated_at: signedAt });
        effective = n === 1;
      }
      await history().record(actor, [
        { entity: 'contract', entityId: row.id, action: 'sign', from: String(current.status), to: effective ? next : String(current.status) },
      ]);
      return { status: effective ? next : String(current.status), effective };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('ALREADY_SIGNED', '本单位已签订该合同', { status: 409 });
    throw e;
  }
}

/** POST /api/contracts/:documentId/refuse { reason }: 拒签 → 已作废; the hospital may pick again. */
export async function refuse(actor: Actor, documentId: string, body: unknown): Promise<{ status: string }> {
  const input = parseInput(refuseSchema, body, 'REASON_REQUIRED');
  const reason = requireReason(input.reason, '拒签');
  const { row } = await oneContract(actor, documentId);
  const party = partyOrRefuse(row, actor);
  const to = contractMachine.next('refuse', row.status, { reason, role: actor.role });
  if (row.parties.some((p) => p.party === party && p.signed)) throw new DomainError('ALREADY_SIGNED', '本单位已签订该合同，不能再拒签', { status: 409 });
  return strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    const current = await lockedContract(trx, row.id);
    contractMachine.next('refuse', String(current.status), { reason });
    const mine = await strapi.db.connection('contract_signatures').transacting(trx).where({ contract_id: row.id, party }).first('id');
    if (mine) throw new DomainError('ALREADY_SIGNED', '本单位已签订该合同，不能再拒签', { status: 409 });
    const at = now();
    await strapi.db
      .connection('contracts')
      .transacting(trx)
      .where({ id: row.id, status: current.status })
      .update({ status: to, refused_party: party, refuse_reason: reason, voided_at: at, updated_at: at });
    await history().record(actor, [{ entity: 'contract', entityId: row.id, action: 'refuse', from: String(current.status), to, reason }]);
    return { status: to };
  });
}

export default () => ({ sign, refuse });
