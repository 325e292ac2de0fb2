/** Roles of users and types of organisations. */

export const ROLES = ['platform_admin', 'bureau', 'manufacturer', 'distributor', 'hospital'] as const;
export type Role = (typeof ROLES)[number];

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const ROLE_LABELS: { readonly [R in Role]: Label } = {
  platform_admin: { zh: '联采办', en: 'Joint Procurement Office' },
  bureau: { zh: '省级医保局', en: 'Provincial Healthcare Security Bureau' },
  manufacturer: { zh: '生产企业', en: 'Manufacturer' },
  distributor: { zh: '配送企业', en: 'Distributor' },
  hospital: { zh: '医疗机构', en: 'Medical Institution' },
};

export const ORG_TYPES = ['platform', 'bureau', 'manufacturer', 'distributor', 'hospital'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: { readonly [O in OrgType]: Label } = {
  platform: { zh: '联采办', en: 'Joint Procurement Office' },
  bureau: { zh: '省级医保局', en: 'Provincial Healthcare Security Bureau' },
  manufacturer: { zh: '生产企业', en: 'Manufacturer' },
  distributor: { zh: '配送企业', en: 'Distributor' },
  hospital: { zh: '医疗机构', en: 'Medical Institution' },
};

const ORG_TYPE_ROLE: { readonly [O in OrgType]: Role } = {
  platform: 'platform_admin',
  bureau: 'bureau',
  manufacturer: 'manufacturer',
  distributor: 'distributor',
  hospital: 'hospital',
};

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export function isOrgType(v: unknown): v is OrgType {
  return typeof v === 'string' && (ORG_TYPES as readonly string[]).includes(v);
}

/** The role of a user who belongs to an organisation of the given type. */
export function roleForOrgType(orgType: OrgType): Role;
export function roleForOrgType(orgType: string): Role | null;
export function roleForOrgType(orgType: string): Role | null {
  return isOrgType(orgType) ? ORG_TYPE_ROLE[orgType] : null;
}

/** Organisation type for a role (inverse of roleForOrgType). */
export function orgTypeForRole(role: Role): OrgType {
  return role === 'platform_admin' ? 'platform' : role;
}

export function roleLabel(role: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  return isRole(role) ? ROLE_LABELS[role][lang === 'en-US' ? 'en' : 'zh'] : role;
}

/** Who is asking, as the rules need it (the server's Actor satisfies it): role, organisation, province. */
export interface ActorRef {
  readonly role: Role;
  readonly orgId: number;
  readonly provinceCode?: string | null;
}
