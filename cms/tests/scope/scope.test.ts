import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScope, canRead, ruleFor, scopeAttributes, scopeWhere } from '../../src/scope/scope';
import { SCOPES } from '../../src/scope/scope-map';

type Actor = Parameters<typeof scopeWhere>[0];

const actor = (role: Actor['role'], orgId: number, provinceCode: string | null = null): Actor => ({
  userId: 1,
  username: 'u',
  role,
  orgId,
  orgDocumentId: 'doc',
  orgName: 'org',
  orgType: role,
  provinceCode,
  mustChangePassword: false,
  operator: false,
  displayName: null,
});

const LINE = 'api::order-line.order-line';
const admin = actor('platform_admin', 1);
const hospital = actor('hospital', 10);
const distributor = actor('distributor', 20);
const otherHospital = actor('hospital', 11);
const bjBureau = actor('bureau', 30, '11');
const sxBureau = actor('bureau', 31, '14');
const line = { hospitalOrgId: 10, distributorOrgId: 20, manufacturerOrgId: 40, provinceCode: '11' };

// applyScope and columnOf read the column names from Strapi's metadata.
const COLUMNS: Record<string, string> = {
  hospitalOrgId: 'hospital_org_id',
  distributorOrgId: 'distributor_org_id',
  manufacturerOrgId: 'manufacturer_org_id',
  provinceCode: 'province_code',
};
(globalThis as unknown as { strapi: unknown }).strapi = {
  db: { metadata: { get: () => ({ attributes: Object.fromEntries(Object.entries(COLUMNS).map(([a, c]) => [a, { columnName: c }])) }) } },
};

describe('the scope map', () => {
  it('has a rule for every business content type and refuses an unknown one', () => {
    for (const uid of [
      LINE,
      'api::delivery.delivery',
      'api::return-request.return-request',
      'api::delegation.delegation',
      'api::hospital-relationship.hospital-relationship',
    ])
      expect(SCOPES[uid]).toBeDefined();
    expect(() => ruleFor('api::nothing.nothing')).toThrow('No scope rule for api::nothing.nothing');
  });

  it('lists the attributes a scope check needs', () => {
    expect(scopeAttributes(LINE)).toEqual(['hospitalOrgId', 'distributorOrgId', 'manufacturerOrgId', 'provinceCode']);
    expect(scopeAttributes('api::product.product')).toEqual([]);
  });
});

describe('canRead (a loaded row)', () => {
  it.each([
    ['the platform admin', admin, true],
    ["the line's hospital", hospital, true],
    ["the line's distributor", distributor, true],
    ["the line's manufacturer", actor('manufacturer', 40), true],
    ['another hospital', otherHospital, false],
    ["the bureau of the line's province", bjBureau, true],
    ['the bureau of another province', sxBureau, false],
  ] as const)('%s → %s', (_who, a, expected) => {
    expect(canRead(a, LINE, line)).toBe(expected);
  });

  it('reads organisation ids stored as text the same as numbers', () => {
    expect(canRead(hospital, LINE, { ...line, hospitalOrgId: '10' })).toBe(true);
  });

  it('lets everyone read reference data and only the admin read admin-only rows', () => {
    expect(canRead(otherHospital, 'api::product.product', {})).toBe(true);
    expect(canRead(hospital, 'api::state-history.state-history', {})).toBe(false);
    expect(canRead(admin, 'api::state-history.state-history', {})).toBe(true);
  });
});

describe('scopeWhere (Strapi filters)', () => {
  it('is null for the admin and for reference data', () => {
    expect(scopeWhere(admin, LINE)).toBeNull();
    expect(scopeWhere(hospital, 'api::region.region')).toBeNull();
  });

  it('ORs the organisation columns, and the province for a bureau', () => {
    expect(scopeWhere(hospital, LINE)).toEqual({
      $or: [{ hospitalOrgId: { $eq: 10 } }, { distributorOrgId: { $eq: 10 } }, { manufacturerOrgId: { $eq: 10 } }],
    });
    expect(scopeWhere(bjBureau, LINE)?.$or).toContainEqual({ provinceCode: { $eq: '11' } });
  });

  it('matches nothing for an admin-only type', () => {
    expect(scopeWhere(hospital, 'api::state-history.state-history')).toEqual({ id: { $eq: -1 } });
  });
});

describe('applyScope (knex, on SQLite)', () => {
  let db: Knex;
  const ids = async (a: Actor) => (await applyScope(db('order_lines').select('id').orderBy('id'), a, LINE)).map((r: { id: number }) => r.id);

  beforeAll(async () => {
    db = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await db.schema.createTable('order_lines', (t) => {
      t.increments('id');
      for (const c of Object.values(COLUMNS)) t.string(c);
    });
    await db('order_lines').insert([
      { hospital_org_id: 10, distributor_org_id: 20, manufacturer_org_id: 40, province_code: '11' },
      { hospital_org_id: 11, distributor_org_id: 21, manufacturer_org_id: 40, province_code: '14' },
    ]);
  });
  afterAll(() => db.destroy());

  it('answers the rows each actor may read, as canRead does', async () => {
    expect(await ids(admin)).toEqual([1, 2]);
    expect(await ids(hospital)).toEqual([1]);
    expect(await ids(actor('distributor', 21))).toEqual([2]);
    expect(await ids(actor('manufacturer', 40))).toEqual([1, 2]);
    expect(await ids(sxBureau)).toEqual([2]);
    expect(await ids(actor('hospital', 99))).toEqual([]);
  });
});
