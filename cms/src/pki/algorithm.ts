/**
 * The one choice of signature algorithm: ECDSA on P-256 with SHA-256. Everything that creates keys,
 * certificates or CMS signatures reads it from here, so another suite (SM2 with SM3) is one new entry.
 */
export interface SignatureSuite {
  /** Name shown to people and stored with each certificate. */
  name: string;
  /** Node's `generateKeyPair('ec', { namedCurve })`. */
  namedCurve: string;
  /** Node's digest name for `createHash` / `sign`. */
  hash: string;
  digestOid: string;
  signatureOid: string;
}

export const SIGNATURE_SUITES = {
  'ecdsa-p256-sha256': {
    name: 'ECDSA P-256 / SHA-256',
    namedCurve: 'prime256v1',
    hash: 'sha256',
    digestOid: '2.16.840.1.101.3.4.2.1',
    signatureOid: '1.2.840.10045.4.3.2',
  },
} as const satisfies Record<string, SignatureSuite>;

export type SuiteId = keyof typeof SIGNATURE_SUITES;

/** The suite new keys, certificates and signatures use. */
export const CURRENT_SUITE: SuiteId = 'ecdsa-p256-sha256';

export const suite = (id: SuiteId = CURRENT_SUITE): SignatureSuite => SIGNATURE_SUITES[id];

/** The suite of a signature algorithm OID, or null when it is not one we verify. */
export function suiteBySignatureOid(oid: string): SignatureSuite | null {
  return Object.values(SIGNATURE_SUITES).find((s) => s.signatureOid === oid) ?? null;
}

/** CMS object identifiers (RFC 5652). */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  country: '2.5.4.6',
  organizationIdentifier: '2.5.4.97',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;
