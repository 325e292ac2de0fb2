export const PLATFORM = 'platform/organisations';

export interface OrgRow {
  id: number;
  documentId: string;
  name: string;
  type: string;
  provinceCode: string | null;
  provinceName: string | null;
  regionCode: string | null;
  creditCode: string | null;
  legalPerson: string | null;
  phone: string | null;
  address: string | null;
  hospitalLevel: string | null;
  enabled: boolean;
  logins: number;
  createdAt: string | null;
  actions: string[];
}

export interface Credential {
  organisation: string;
  username: string;
  password: string;
}

export interface CredentialBatch {
  credentials: Credential[];
  /** The sheet of a batch (base64 .xlsx), when several were made at once. */
  file?: string;
  fileName?: string;
}

/** Base64 → Blob (sheets come inside the JSON answer). */
export function base64Blob(b64: string): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
