/**
 * Reads a detached CMS SignedData (RFC 5652) by walking its DER with asn1js alone: the parts
 * verification needs, with the signer's certificate and signed attributes as their original bytes.
 * pkijs' schema matching spent most of a verification's time; nothing here interprets more than it
 * must, and anything unexpected answers null (the caller says why in Chinese).
 */
import * as asn1js from 'asn1js';
import { OID } from './algorithm';

export interface SignedDataParts {
  /** The signer's certificate, DER, as found in the signature. */
  certificate: Buffer;
  digestOid: string;
  signatureOid: string;
  /** The signed attributes re-tagged as a SET OF: the bytes the signature covers. */
  signedAttrs: Buffer;
  signature: Buffer;
  /** Signed attribute values by OID. */
  attributes: Map<string, asn1js.BaseBlock>;
}

const bytes = (b: asn1js.BaseBlock) => Buffer.from(b.valueBeforeDecodeView);
const children = (b: asn1js.BaseBlock | undefined): asn1js.BaseBlock[] => {
  const v = (b as asn1js.Constructed | undefined)?.valueBlock?.value;
  return Array.isArray(v) ? v : [];
};
const isContext = (b: asn1js.BaseBlock | undefined, n: number) => b?.idBlock.tagClass === 3 && b.idBlock.tagNumber === n;
const oidOf = (b: asn1js.BaseBlock | undefined) => (b instanceof asn1js.ObjectIdentifier ? b.valueBlock.toString() : null);

/** The certificate of `certs` with this issuer (DER Name) and serial (INTEGER bytes). */
function findCertificate(certs: asn1js.BaseBlock[], issuer: Buffer, serial: Buffer): Buffer | null {
  for (const cert of certs) {
    const tbs = children(children(cert)[0]);
    const at = isContext(tbs[0], 0) ? 1 : 0; // [0] EXPLICIT version
    const certSerial = tbs[at];
    const certIssuer = tbs[at + 2];
    if (!(certSerial instanceof asn1js.Integer) || !certIssuer) continue;
    if (Buffer.from(certSerial.valueBlock.valueHexView).equals(serial) && bytes(certIssuer).equals(issuer)) return bytes(cert);
  }
  return null;
}

/** The one signer of a detached SignedData, or null when the bytes are not one. */
export function readSignedData(der: Buffer): SignedDataParts | null {
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1 || parsed.offset !== der.length) return null;
  const [type, wrapped] = children(parsed.result);
  if (oidOf(type) !== OID.signedData || !isContext(wrapped, 0)) return null;
  const sd = children(children(wrapped)[0]);
  const certs = sd.find((b, i) => i > 2 && isContext(b, 0));
  const signerInfos = sd.at(-1);
  if (!(signerInfos instanceof asn1js.Set) || children(signerInfos).length !== 1) return null;
  const si = children(children(signerInfos)[0]);
  const [, sid, digestAlg, attrs, signatureAlg, signature] = si;
  const [issuer, serial] = children(sid);
  if (!(sid instanceof asn1js.Sequence) || !issuer || !(serial instanceof asn1js.Integer)) return null;
  if (!isContext(attrs, 0) || !(signature instanceof asn1js.OctetString)) return null;
  const digestOid = oidOf(children(digestAlg)[0]);
  const signatureOid = oidOf(children(signatureAlg)[0]);
  if (!digestOid || !signatureOid) return null;
  const certificate = findCertificate(children(certs), bytes(issuer), Buffer.from(serial.valueBlock.valueHexView));
  if (!certificate) return null;
  const attributes = new Map<string, asn1js.BaseBlock>();
  for (const a of children(attrs)) {
    const [t, values] = children(a);
    const id = oidOf(t);
    const first = children(values)[0];
    if (id && first) attributes.set(id, first);
  }
  const signedAttrs = bytes(attrs);
  signedAttrs[0] = 0x31; // stored as [0] IMPLICIT, signed as a SET OF
  return { certificate, digestOid, signatureOid, signedAttrs, signature: Buffer.from(signature.valueBlock.valueHexView), attributes };
}
