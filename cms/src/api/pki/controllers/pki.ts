/** Thin controller of the platform PKI: the CA certificate, the caller's certificate, re-issue, verification. */
import { z } from 'zod';
import { requireActor } from '../../../scope';
import { parseInput } from '../../../utils/query';
import { requestBody, type HttpContext } from '../../../utils/http';
import { verifyDetached } from '../../../pki/cms-signature';
import { authority } from '../services/authority';
import { apply, changePin, mine } from '../services/certificates';
import { list, reissue } from '../services/certificate-admin';

const base64 = (max: number) =>
  z
    .string({ message: '须为 Base64 文本' })
    .max(max, { message: '内容过大' })
    .regex(/^[A-Za-z0-9+/=\s]*$/, { message: '须为 Base64 文本' });
export const verifySchema = z.object({ content: base64(2_000_000), signature: base64(200_000) }).strict();

export default {
  /** GET /api/pki/ca.pem (public) */
  async caPem(ctx: HttpContext) {
    ctx.set('Content-Type', 'application/x-pem-file');
    ctx.set('Content-Disposition', 'attachment; filename="ca.pem"');
    ctx.body = (await authority()).pem;
  },
  /** GET /api/pki/certificate */
  async mine(ctx: HttpContext) {
    ctx.body = await mine(await requireActor(ctx));
  },
  /** POST /api/pki/certificate/apply { pin, pinConfirm? } */
  async apply(ctx: HttpContext) {
    ctx.body = await apply(await requireActor(ctx), requestBody(ctx));
  },
  /** POST /api/pki/certificate/change-pin { oldPin, newPin, pinConfirm? } */
  async changePin(ctx: HttpContext) {
    ctx.body = await changePin(await requireActor(ctx), requestBody(ctx));
  },
  /** GET /api/pki/certificates (bureau, platform admin) */
  async list(ctx: HttpContext) {
    ctx.body = await list(await requireActor(ctx), ctx.query);
  },
  /** POST /api/pki/certificates/:orgDocumentId/reissue (bureau, platform admin) */
  async reissue(ctx: HttpContext) {
    ctx.body = await reissue(await requireActor(ctx), String(ctx.params?.orgDocumentId));
  },
  /** POST /api/pki/verify { content, signature } (Base64): checks a detached signature against the platform CA. */
  async verify(ctx: HttpContext) {
    await requireActor(ctx);
    const input = parseInput(verifySchema, requestBody(ctx), 'VERIFY_INPUT_INVALID');
    const ca = await authority();
    ctx.body = { data: verifyDetached(Buffer.from(input.content, 'base64'), Buffer.from(input.signature, 'base64'), ca.der) };
  },
};
