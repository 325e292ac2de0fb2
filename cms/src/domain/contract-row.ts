/**
 * The three-party contract as the API answers it (list, detail), which actions the caller may take on
 * it (签订 / 拒签 for a party that has not signed while 待签订), the content that is signed, the
 * certificate PIN rules and 执行进度.
 */
import { canonicalContractContent, CONTRACT_PARTIES, contractMachine, type ContractParty, type ContractStatus, type ContractTransition } from './contract';
import { DomainError } from './errors';
import type { Actionable } from './page';
import type { ActorRef } from './roles';
import { orderLineMachine, type OrderLineStatus } from './order-line';
import { relationshipMachine, type RelationshipStatus } from './hospital-relationship';

/** Every state of the contract machine as a constant (`CONTRACT_STATUS.effective`). */
export const CONTRACT_STATUS = Object.freeze(Object.fromEntries(contractMachine.stateNames.map((s) => [s, s]))) as { readonly [S in ContractStatus]: S };

/** Contracts that block a new pick for the same agreed volume (being signed, or in force). */
export const LIVE_CONTRACT_STATUSES: readonly ContractStatus[] = [CONTRACT_STATUS.signing, CONTRACT_STATUS.effective];

/** Contracts awaiting signatures (a party that has not signed has a to-do). */
export const SIGNABLE_CONTRACT_STATUSES: readonly ContractStatus[] = contractMachine.transitions.sign.from;

export interface ContractPartyState {
  party: ContractParty;
  orgId: number;
  orgName: string | null;
  signed: boolean;
  /** ISO in China time. */
  signedAt: string | null;
  certSerial: string | null;
}

export interface ContractRow extends Actionable<ContractTransition> {
  id: number;
  documentId: string;
  code: string;
  status: ContractStatus;
  provinceCode: string;
  hospitalOrgId: number;
  manufacturerOrgId: number;
  distributorOrgId: number;
  hospitalName: string | null;
  manufacturerName: string | null;
  distributorName: string | null;
  productId: number;
  productCode: string | null;
  productName: string | null;
  spec: string | null;
  model: string | null;
  unit: string | null;
  quantity: number;
  priceFen: number;
  amountFen: number;
  startDate: string;
  endDate: string;
  contentHash: string;
  parties: ContractPartyState[];
  /** The party that refused (拒签) and its reason, when void. */
  refusedParty: ContractParty | null;
  refuseReason: string | null;
  effectiveAt: string | null;
  createdAt: string | null;
  /** 执行进度: quantity the hospital has ordered of the product from the distributor within the period. */
  orderedQuantity: number;
}

/** The party `actor` plays in the contract, or null (the bureau and the platform only read). */
export function contractPartyOf(row: Pick<ContractRow, 'hospitalOrgId' | 'manufacturerOrgId' | 'distributorOrgId'>, actor: ActorRef): ContractParty | null {
  if (actor.role === 'hospital' && row.hospitalOrgId === actor.orgId) return 'hospital';
  if (actor.role === 'manufacturer' && row.manufacturerOrgId === actor.orgId) return 'manufacturer';
  if (actor.role === 'distributor' && row.distributorOrgId === actor.orgId) return 'distributor';
  return null;
}

/** 签订 and 拒签 for a party that has not signed yet, while the contract awaits signatures. */
export function contractActions(
  row: Pick<ContractRow, 'status' | 'hospitalOrgId' | 'manufacturerOrgId' | 'distributorOrgId' | 'parties'>,
  actor: ActorRef,
): ContractTransition[] {
  const party = contractPartyOf(row, actor);
  if (!party || row.parties.some((p) => p.party === party && p.signed)) return [];
  return contractMachine.allowed(row.status, actor.role);
}

/** What is signed: the parties, the product, quantity, price, amount and period, fixed when the contract is created. */
export interface ContractContent {
  code: string;
  provinceCode: string;
  hospital: { name: string; creditCode: string | null };
  manufacturer: { name: string; creditCode: string | null };
  distributor: { name: string; creditCode: string | null };
  product: { code: string; name: string; registrationNo: string | null; spec: string | null; model: string | null; unit: string | null };
  quantity: number;
  priceFen: number;
  amountFen: number;
  startDate: string;
  endDate: string;
  createdAt: string;
}

/** The canonical text of the content, with its format marked so that a later format can coexist. */
export function contractContentText(content: ContractContent): string {
  return canonicalContractContent({ format: 'mcp-contract/1', ...content });
}

/** Signed parties in the fixed order 甲乙丙. */
export function orderedParties<T extends { party: string }>(states: readonly T[]): T[] {
  return [...states].sort((a, b) => CONTRACT_PARTIES.indexOf(a.party as ContractParty) - CONTRACT_PARTIES.indexOf(b.party as ContractParty));
}

/** 执行进度 in percent of the agreed quantity, one decimal, capped display at 999.9. */
export function executionPercent(ordered: number, agreed: number): number {
  if (agreed <= 0) return 0;
  return Math.min(999.9, Math.round((ordered / agreed) * 1000) / 10);
}

/** Certificate PIN: 6 to 12 digits. */
export const SIGNING_PIN_RE = /^\d{6,12}$/;
/** Consecutive wrong PINs that lock a certificate (as BJCA does). */
export const PIN_MAX_FAILURES = 10;

/** Throws PIN_INVALID (400) unless the PIN is 6–12 digits. */
export function assertPinFormat(pin: unknown, field = 'pin'): string {
  if (typeof pin !== 'string' || !SIGNING_PIN_RE.test(pin)) throw new DomainError('PIN_INVALID', 'PIN 码须为 6 至 12 位数字', { status: 400, field });
  return pin;
}

/** Wrong PINs left before the lock after `failures` consecutive failures. */
export function pinAttemptsLeft(failures: number): number {
  return Math.max(0, PIN_MAX_FAILURES - failures);
}

/** Order lines that count towards 执行进度 (all but those the distributor rejected). */
export const CONTRACT_COUNTED_LINE_STATUSES: readonly OrderLineStatus[] = orderLineMachine.stateNames.filter(
  (s) => s !== orderLineMachine.transitions.reject.to,
);

/** Relationships under which a hospital may pick a distributor for a contract (已建立). */
export const CONTRACTABLE_RELATIONSHIP_STATUSES: readonly RelationshipStatus[] = [relationshipMachine.transitions.accept.to];

/** Steps of a contract's history besides its machine's transitions. */
export const CONTRACT_HISTORY_ACTIONS: { readonly [action: string]: { readonly zh: string; readonly en: string } } = {
  create: { zh: '选择配送企业，生成合同', en: 'Distributor picked, contract created' },
};
