/**
 * X.509 certificates of the platform CA (self-signed root) and of organisations (signed by the root),
 * built with pkijs and signed with Node's crypto in the current suite.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, suite } from './algorithm';

export interface SubjectName {
  commonName: string;
  organization?: string;
  /** 统一社会信用代码, as organizationIdentifier (2.5.4.97). */
  organizationIdentifier?: string;
}

export interface KeyPair {
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
}

/** A fresh key pair of the current suite. */
export function newKeyPair(): KeyPair {
  return crypto.generateKeyPairSync('ec', { namedCurve: suite().namedCurve });
}

/** A random positive 16-byte serial number, as lower-case hex. */
export function newSerial(): string {
  const b = crypto.randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x10; // positive, and no leading zero byte to strip
  return b.toString('hex');
}

const toAb = (b: Buffer | Uint8Array): ArrayBuffer => {
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return out;
};

function rdn(name: SubjectName): pkijs.RelativeDistinguishedNames {
  const values: Array<[string, string]> = [[OID.country, 'CN']];
  if (name.organization) values.push([OID.organization, name.organization]);
  if (name.organizationIdentifier) values.push([OID.organizationIdentifier, name.organizationIdentifier]);
  values.push([OID.commonName, name.commonName]);
  // One attribute per RDN (pkijs would put them all into one multi-valued RDN): build the Name and parse it back.
  const name_ = new asn1js.Sequence({
    value: values.map(
      ([type, value]) =>
        new asn1js.Set({
          value: [
            new pkijs.AttributeTypeAndValue({
              type,
              value: type === OID.country ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
            }).toSchema(),
          ],
        }),
    ),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(name_.toBER(false));
}

function keyIdentifier(publicKey: crypto.KeyObject): ArrayBuffer {
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return toAb(crypto.createHash('sha1').update(spki).digest());
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function keyUsage(ca: boolean): asn1js.BitString {
  // digitalSignature (bit 0) + nonRepudiation (bit 1) for a signer; keyCertSign (5) + cRLSign (6) for the CA.
  return ca
    ? new asn1js.BitString({ valueHex: new Uint8Array([0x06]).buffer, unusedBits: 1 })
    : new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 });
}

export interface CertificateRequest {
  subject: SubjectName;
  publicKey: crypto.KeyObject;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
  /** The issuer's certificate (DER) and key; absent for the self-signed root. */
  issuer?: { certificate: Buffer; privateKey: crypto.KeyObject };
  signingKey: crypto.KeyObject;
}

/** Builds and signs a certificate; answers its DER bytes. */
export function buildCertificate(req: CertificateRequest): Buffer {
  const s = suite();
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: toAb(Buffer.from(req.serial, 'hex')) });
  cert.subject = rdn(req.subject);
  if (req.issuer) {
    const issuerCert = pkijs.Certificate.fromBER(toAb(req.issuer.certificate));
    cert.issuer = issuerCert.subject;
  } else {
    cert.issuer = rdn(req.subject);
  }
  cert.notBefore = new pkijs.Time({ type: 0, value: req.notBefore });
  cert.notAfter = new pkijs.Time({ type: 0, value: req.notAfter });
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(toAb(req.publicKey.export({ format: 'der', type: 'spki' })));
  const issuerKey = req.issuer ? crypto.createPublicKey(req.issuer.privateKey) : req.publicKey;
  cert.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: req.ca }).toSchema()),
    extension(OID.keyUsage, true, keyUsage(req.ca)),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyIdentifier(req.publicKey) })),
    extension(
      OID.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(issuerKey) }) }).toSchema(),
    ),
  ];
  const alg = new pkijs.AlgorithmIdentifier({ algorithmId: s.signatureOid });
  cert.signature = alg;
  cert.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: s.signatureOid });
  const tbs = Buffer.from(cert.encodeTBS().toBER(false));
  cert.tbsView = new Uint8Array(tbs);
  cert.signatureValue = new asn1js.BitString({ valueHex: toAb(crypto.sign(s.hash, tbs, req.signingKey)) });
  return Buffer.from(cert.toSchema(false).toBER(false));
}

/** DER → PEM. */
export function toPem(der: Buffer, label = 'CERTIFICATE'): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.endsWith('\n') ? b64 : b64 + '\n'}-----END ${label}-----\n`;
}

/** What people are shown of a certificate. */
export function describeCertificate(der: Buffer) {
  const x = new crypto.X509Certificate(der);
  return { serial: x.serialNumber.toLowerCase(), subject: x.subject, issuer: x.issuer, validFrom: new Date(x.validFrom), validTo: new Date(x.validTo) };
}

export { toAb as toArrayBuffer };
