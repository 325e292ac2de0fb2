/**
 * Detached CMS (PKCS #7) SignedData over content bytes (RFC 5652): one signer, identified by issuer
 * and serial, with its certificate and the signed attributes contentType, signingTime and
 * messageDigest. Verifiable by `openssl cms -verify -binary -inform DER -content … -CAfile ca.pem`.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, suite, suiteBySignatureOid } from './algorithm';
import { toArrayBuffer } from './certificate';
import { readSignedData, type SignedDataParts } from './cms-read';

function attribute(type: string, value: asn1js.BaseBlock): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** DER orders a SET OF by the encodings of its elements (OpenSSL re-encodes before checking). */
function derSorted(attrs: pkijs.Attribute[]): pkijs.Attribute[] {
  const enc = attrs.map((a) => ({ a, b: Buffer.from(a.toSchema().toBER(false)) }));
  return enc.sort((x, y) => Buffer.compare(x.b, y.b)).map((x) => x.a);
}

/** The detached signature (DER ContentInfo) of `content` by the holder of `certificate` (DER). */
export function signDetached(content: Buffer, privateKey: crypto.KeyObject, certificate: Buffer, signingTime: Date): Buffer {
  const s = suite();
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(certificate));
  const digest = crypto.createHash(s.hash).update(content).digest();
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: derSorted([
      attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
      attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: signingTime })),
      attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })),
    ]),
  });
  const toSign = Buffer.from(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31; // signed as a SET OF, stored as [0] IMPLICIT
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: s.digestOid }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: s.signatureOid }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(crypto.sign(s.hash, toSign, privateKey)) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: s.digestOid })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert],
    signerInfos: [signerInfo],
  });
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}

const caCache = new WeakMap<Buffer, crypto.X509Certificate>();
/** The CA certificate parsed once per buffer (the server holds one). */
function caOf(der: Buffer): crypto.X509Certificate {
  let x = caCache.get(der);
  if (!x) {
    x = new crypto.X509Certificate(der);
    caCache.set(der, x);
  }
  return x;
}

export interface Verification {
  valid: boolean;
  /** Why it does not verify (Chinese), when it does not. */
  reason: string | null;
  signer: string | null;
  certSerial: string | null;
  signingTime: string | null;
}

const fail = (reason: string, partial: Partial<Verification> = {}): Verification => ({
  valid: false,
  reason,
  signer: null,
  certSerial: null,
  signingTime: null,
  ...partial,
});

/**
 * Checks a detached signature over `content`: the signer's certificate was issued by the CA
 * (`caCertificate`, DER), the message digest matches the content, and the signature over the signed
 * attributes verifies with the certificate's key. Never throws on bad input.
 */
export function verifyDetached(content: Buffer, signature: Buffer, caCertificate: Buffer): Verification {
  // Remembered by the digests of all three inputs: any changed byte is a new key, so the answer stays exact.
  const key = [content, signature, caCertificate].map((b) => crypto.createHash('sha256').update(b).digest('base64')).join('|');
  const known = verified.get(key);
  if (known) return known;
  const result = verifyUncached(content, signature, caCertificate);
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(key, result);
  return result;
}

const VERIFIED_MAX = 5000;
const verified = new Map<string, Verification>();

/** The signer certificates met so far (a handful per organisation), with whether the CA issued them. */
const signers = new Map<string, { x509: crypto.X509Certificate; issuedByCa: boolean }>();
function signerOf(der: Buffer, ca: crypto.X509Certificate, caDer: Buffer) {
  const key = crypto.createHash('sha256').update(der).update(caDer).digest('base64');
  let known = signers.get(key);
  if (!known) {
    const x509 = new crypto.X509Certificate(der);
    known = { x509, issuedByCa: x509.checkIssued(ca) && x509.verify(ca.publicKey) };
    if (signers.size >= VERIFIED_MAX) signers.delete(signers.keys().next().value!);
    signers.set(key, known);
  }
  return known;
}

function verifyUncached(content: Buffer, signature: Buffer, caCertificate: Buffer): Verification {
  let parts: SignedDataParts | null;
  let signer: { x509: crypto.X509Certificate; issuedByCa: boolean };
  try {
    parts = readSignedData(signature);
    if (!parts) return fail('签名数据无法解析（不是含签署者证书的 CMS SignedData 签名）');
    signer = signerOf(parts.certificate, caOf(caCertificate), caCertificate);
  } catch {
    return fail('签名数据无法解析');
  }
  const { x509 } = signer;
  const found: Partial<Verification> = { signer: x509.subject, certSerial: x509.serialNumber.toLowerCase() };
  const time = parts.attributes.get(OID.signingTime);
  if (time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime) found.signingTime = time.toDate().toISOString();
  if (!signer.issuedByCa) return fail('签署者证书不是本平台 CA 签发的', found);
  const s = suiteBySignatureOid(parts.signatureOid);
  if (!s || parts.digestOid !== s.digestOid) return fail('不支持的签名算法', found);
  const md = parts.attributes.get(OID.messageDigest);
  if (!(md instanceof asn1js.OctetString)) return fail('签名缺少消息摘要', found);
  const digest = crypto.createHash(s.hash).update(content).digest();
  if (!digest.equals(Buffer.from(md.valueBlock.valueHexView))) return fail('合同内容与签名不符（内容已被改动或不是该合同的签名）', found);
  const ct = parts.attributes.get(OID.contentType);
  if (!(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== OID.data) return fail('签名的内容类型不符', found);
  if (!crypto.verify(s.hash, parts.signedAttrs, x509.publicKey, parts.signature)) return fail('签名值校验失败', found);
  return { valid: true, reason: null, signer: found.signer ?? null, certSerial: found.certSerial ?? null, signingTime: found.signingTime ?? null };
}
