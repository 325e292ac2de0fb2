import type { CertLight } from './certificate';

/** Catalogue 挂网目录: product categories (orthopaedic) and their labels. */
export const PRODUCT_CATEGORIES = ['trauma', 'spine', 'joint', 'sports', 'neuro', 'other'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

const PRODUCT_CATEGORY_LABELS: { readonly [C in ProductCategory]: { zh: string; en: string } } = {
  trauma: { zh: '创伤', en: 'Trauma' },
  spine: { zh: '脊柱', en: 'Spine' },
  joint: { zh: '关节', en: 'Joint' },
  sports: { zh: '运动医学', en: 'Sports medicine' },
  neuro: { zh: '神经外科', en: 'Neurosurgery' },
  other: { zh: '其他', en: 'Other' },
};

export function isProductCategory(v: unknown): v is ProductCategory {
  return typeof v === 'string' && (PRODUCT_CATEGORIES as readonly string[]).includes(v);
}

export function categoryLabel(v: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  return isProductCategory(v) ? PRODUCT_CATEGORY_LABELS[v][lang === 'en-US' ? 'en' : 'zh'] : v;
}

/** Most products one delegation may carry (bounds the request and the transaction). */
export const MAX_DELEGATION_PRODUCTS = 1000;

/** One row of the catalogue list (GET /api/catalogue): the contract between the server and the panel. */
export interface CatalogueRow {
  id: number;
  documentId: string;
  code: string;
  name: string;
  registrationNo: string;
  registrationValidTo: string | null;
  certificateLight: CertLight | null;
  manufacturerOrgId: number | null;
  manufacturerName: string | null;
  own?: boolean;
  spec: string | null;
  model: string | null;
  unit: string | null;
  priceFen: number | null;
  category: string;
  keyMonitored: boolean;
  vbp: boolean;
}
