/**
 * Three-party contracts 三方合同 (hospital, manufacturer, distributor) for volume-procurement products.
 *
 * signing 待签订 → effective 已生效 when all three parties have signed (contractStatusAfterSign);
 * any party may refuse 拒签 a contract still being signed (reason required): it becomes void 已作废
 * and the hospital may pick a distributor again.
 * `sign` keeps the contract in 'signing' in the machine; the server then stores
 * contractStatusAfterSign(parties) as the new status.
 *
 * A signature binds to canonicalContractContent(contract): a deterministic JSON text of the
 * contract's content. The server hashes it (SHA-256) and signs the hash; any change of content
 * makes the hash, and thus the signature, no longer verify.
 */
import { DomainError } from './errors';
import { defineMachine, type StateOf, type TransitionOf } from './state-machine';

export const contractMachine = defineMachine({
  name: 'contract',
  states: {
    signing: { zh: '待签订', en: 'Awaiting signatures', color: 'gold' },
    effective: { zh: '已生效', en: 'Effective', color: 'green' },
    void: { zh: '已作废', en: 'Void', color: 'default' },
  },
  transitions: {
    sign: { from: ['signing'], to: 'signing', by: ['hospital', 'manufacturer', 'distributor'], zh: '签订', en: 'Sign' },
    refuse: { from: ['signing'], to: 'void', by: ['hospital', 'manufacturer', 'distributor'], reason: true, zh: '拒签', en: 'Refuse to sign' },
  },
});

export type ContractStatus = StateOf<typeof contractMachine>;
export type ContractTransition = TransitionOf<typeof contractMachine>;

export const CONTRACT_PARTIES = ['hospital', 'manufacturer', 'distributor'] as const;
export type ContractParty = (typeof CONTRACT_PARTIES)[number];

export const CONTRACT_PARTY_LABELS: { readonly [P in ContractParty]: { zh: string; en: string } } = {
  hospital: { zh: '甲方（医疗机构）', en: 'Party A (hospital)' },
  manufacturer: { zh: '乙方（生产企业）', en: 'Party B (manufacturer)' },
  distributor: { zh: '丙方（配送企业）', en: 'Party C (distributor)' },
};

export function isContractParty(v: unknown): v is ContractParty {
  return typeof v === 'string' && (CONTRACT_PARTIES as readonly string[]).includes(v);
}

/** 'effective' once hospital, manufacturer and distributor have all signed, else 'signing'. */
export function contractStatusAfterSign(signedParties: Iterable<string>): 'signing' | 'effective' {
  const set = new Set(signedParties);
  return CONTRACT_PARTIES.every((p) => set.has(p)) ? 'effective' : 'signing';
}

/** Throws unless `party` may sign now: INVALID_TRANSITION (not signing), NOT_A_PARTY (400), ALREADY_SIGNED (409). */
export function assertCanSign(status: string, party: string, signedParties: Iterable<string>): void {
  contractMachine.next('sign', status);
  if (!isContractParty(party)) {
    throw new DomainError('NOT_A_PARTY', '只有合同的医疗机构、生产企业和配送企业可以签订', { status: 403 });
  }
  if (new Set(signedParties).has(party)) {
    throw new DomainError('ALREADY_SIGNED', `${CONTRACT_PARTY_LABELS[party].zh}已签订该合同`, { status: 409 });
  }
}

/**
 * Top-level keys that are not contract content (record bookkeeping and signature state). They are
 * left out of the canonical text so that signing does not change what is signed.
 */
export const CONTRACT_VOLATILE_KEYS: readonly string[] = [
  'id',
  'documentId',
  'status',
  'signatures',
  'signedParties',
  'signedAt',
  'hospitalSignedAt',
  'manufacturerSignedAt',
  'distributorSignedAt',
  'effectiveAt',
  'contentHash',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
];

export interface ContractProductInput {
  /** Product id; `product` (id, or object with documentId/id) is accepted instead. */
  productId?: string | number;
  product?: string | number | { documentId?: string; id?: string | number } | null;
  [key: string]: unknown;
}

export interface ContractContentInput {
  products?: readonly ContractProductInput[] | null;
  [key: string]: unknown;
}

function productKey(p: ContractProductInput): string {
  if (p.productId !== undefined && p.productId !== null) return String(p.productId);
  const ref = p.product;
  if (ref === null || ref === undefined) return '';
  if (typeof ref === 'object') return String(ref.documentId ?? ref.id ?? '');
  return String(ref);
}

function compareKeys(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb && a.length !== b.length) return a.length - b.length; // numeric order for digit ids
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonical(v: unknown, path: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new DomainError('CONTRACT_CONTENT_INVALID', `合同内容含无效数值：${path}`, { status: 400 });
    return JSON.stringify(v);
  }
  if (typeof v === 'bigint') return JSON.stringify(v.toString());
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map((x, i) => canonical(x, `${path}[${i}]`)).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined && typeof o[k] !== 'function')
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k], `${path}.${k}`)}`).join(',')}}`;
  }
  throw new DomainError('CONTRACT_CONTENT_INVALID', `合同内容含无法签名的值：${path}`, { status: 400 });
}

/**
 * Deterministic JSON text of a contract's content: keys sorted at every depth, undefined values
 * dropped, Dates as ISO strings, CONTRACT_VOLATILE_KEYS left out at the top level, and `products`
 * sorted by product id (digit ids in numeric order; ties by their canonical text).
 */
export function canonicalContractContent(contract: ContractContentInput): string {
  const content: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(contract)) {
    if (!CONTRACT_VOLATILE_KEYS.includes(k) && v !== undefined) content[k] = v;
  }
  if (Array.isArray(contract.products)) {
    content.products = contract.products
      .map((p) => ({ key: productKey(p), text: canonical(p, 'products'), p }))
      .sort((a, b) => compareKeys(a.key, b.key) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
      .map((x) => x.p);
  }
  return canonical(content, 'contract');
}
