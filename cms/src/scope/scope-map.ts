/**
 * Which columns of a row make it visible to an organisation. One table for every content type:
 * the REST policy and the purpose-written services both read it.
 * - `public`: reference data, readable by every logged-in user and by API tokens.
 * - `orgFields`: the row belongs to each organisation named in these integer columns.
 * - `provinceField`: a bureau reads the rows of its province.
 * - `adminOnly`: only the platform admin reads it through REST (others through their records).
 */
export type ScopeRule = { public: true } | { orgFields: string[]; provinceField?: string; adminOnly?: false } | { adminOnly: true };

export const SCOPES: Record<string, ScopeRule> = {
  'api::region.region': { public: true },
  'api::product.product': { public: true },
  'api::organisation.organisation': { public: true },
  'api::distributor-account.distributor-account': { orgFields: ['organisationId', 'bureauOrgId'], provinceField: 'provinceCode' },
  'api::delegation.delegation': { orgFields: ['delegatorOrgId', 'manufacturerOrgId', 'distributorOrgId'], provinceField: 'provinceCode' },
  'api::delegation-item.delegation-item': { orgFields: ['delegatorOrgId', 'manufacturerOrgId', 'distributorOrgId'], provinceField: 'provinceCode' },
  'api::hospital-relationship.hospital-relationship': { orgFields: ['hospitalOrgId', 'distributorOrgId'], provinceField: 'provinceCode' },
  'api::contract.contract': { orgFields: ['hospitalOrgId', 'manufacturerOrgId', 'distributorOrgId'], provinceField: 'provinceCode' },
  'api::contract-signature.contract-signature': { orgFields: ['orgId'] },
  'api::contract.contract-volume': { orgFields: ['hospitalOrgId', 'manufacturerOrgId'], provinceField: 'provinceCode' },
  'api::pki.signing-certificate': { adminOnly: true },
  'api::order.order': { orgFields: ['hospitalOrgId'], provinceField: 'provinceCode' },
  'api::order-line.order-line': { orgFields: ['hospitalOrgId', 'distributorOrgId', 'manufacturerOrgId'], provinceField: 'provinceCode' },
  // The manufacturer reads the deliveries of its products' lines (batch numbers: traceability), as in the line's detail.
  'api::delivery.delivery': { orgFields: ['distributorOrgId', 'hospitalOrgId', 'manufacturerOrgId'], provinceField: 'provinceCode' },
  'api::return-request.return-request': { orgFields: ['hospitalOrgId', 'distributorOrgId'], provinceField: 'provinceCode' },
  'api::contact.contact': { orgFields: ['organisationId'] },
  'api::state-history.state-history': { adminOnly: true },
};
