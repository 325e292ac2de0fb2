import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_PARTIES, DELIVERY_MODES, MACHINES, ORG_TYPES, PRODUCT_CATEGORIES } from '../../src/domain';
import { REPO, rel } from './support/source-files';

/**
 * Strapi's content-type schemas are JSON and cannot import the domain, so their enumerations are a
 * copy: this keeps the copy equal to the one home of each value set.
 */
const DOMAIN_SETS: Record<string, readonly string[]> = {
  'contract.status': MACHINES.contract.stateNames,
  'delegation.status': MACHINES.delegation.stateNames,
  'delivery.status': MACHINES.delivery.stateNames,
  'delivery.invoiceStatus': MACHINES.invoice.stateNames,
  'hospital-relationship.status': MACHINES.relationship.stateNames,
  'order-line.status': MACHINES.orderLine.stateNames,
  'order-line.deliveryMode': DELIVERY_MODES,
  'return-request.status': MACHINES.return.stateNames,
  'organisation.type': ORG_TYPES,
  'product.category': PRODUCT_CATEGORIES,
  'contract-signature.party': CONTRACT_PARTIES,
};

/** Enumerations that are reference data without a rule: no domain set to mirror. */
const REFERENCE_ONLY = new Set(['region.level']);

interface Schema {
  attributes: Record<string, { type: string; enum?: string[] }>;
}

function enumerations(): Array<{ key: string; file: string; values: string[] }> {
  return listSchemas().flatMap((file) => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Schema;
    const contentType = file.split('/').slice(-2, -1)[0]!;
    return Object.entries(schema.attributes)
      .filter(([, a]) => a.type === 'enumeration')
      .map(([name, a]) => ({ key: `${contentType}.${name}`, file: rel(file), values: a.enum ?? [] }));
  });
}

function listSchemas(): string[] {
  const api = join(REPO, 'cms/src/api');
  const out: string[] = [];
  for (const apiName of readdirSync(api)) {
    const cts = join(api, apiName, 'content-types');
    if (!existsSync(cts)) continue;
    for (const ct of readdirSync(cts)) {
      const f = join(cts, ct, 'schema.json');
      if (existsSync(f)) out.push(f);
    }
  }
  return out.sort();
}

describe('content-type enumerations mirror the domain', () => {
  const found = enumerations();

  it('finds the status enumerations of the business content types', () => {
    expect(found.map((e) => e.key)).toEqual(expect.arrayContaining(['order-line.status', 'delivery.invoiceStatus', 'hospital-relationship.status']));
  });

  it.each(found.map((e) => [e.key, e] as const))('%s lists exactly the values of its domain set', (key, e) => {
    if (REFERENCE_ONLY.has(key)) return;
    const domain = DOMAIN_SETS[key];
    expect(domain, `${e.file}: enumeration ${key} has no domain set; add one in cms/src/domain and map it here`).toBeDefined();
    expect([...e.values].sort()).toEqual([...domain!].sort());
  });
});
