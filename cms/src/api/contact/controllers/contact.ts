/** 联系人信息: thin handlers over services/contacts.ts (the core find/findOne stay, scoped). */
import { factories } from '@strapi/strapi';
import { z } from 'zod';
import { requireActor } from '../../../scope';
import { documentIdParam, textField, unwrapData } from '../../../utils/body';
import type { HttpContext } from '../../../utils/http';
import { idParam, parseInput } from '../../../utils/query';
import type contactsService from '../services/contacts';

const service = () => strapi.service('api::contact.contacts') as unknown as ReturnType<typeof contactsService>;

export const contactBody = z.preprocess(
  unwrapData,
  z.object(
    { name: textField('姓名', 200), phone: textField('联系电话', 200), email: textField('邮箱', 200), position: textField('职务', 200) },
    { message: '请求格式不正确' },
  ),
);
const docId = (ctx: HttpContext) => parseInput(documentIdParam, ctx.params).documentId;

export default factories.createCoreController('api::contact.contact', () => ({
  /** GET /contacts/mine — the caller's organisation's contacts, the default first. */
  async mine(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service().list(actor.orgId) };
  },
  async add(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service().create(actor, parseInput(contactBody, ctx.request.body, 'CONTACT_INVALID')) };
  },
  async edit(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await service().update(actor, docId(ctx), parseInput(contactBody, ctx.request.body, 'CONTACT_INVALID')) };
  },
  async remove(ctx: HttpContext) {
    ctx.body = { data: await service().remove(await requireActor(ctx), docId(ctx)) };
  },
  async setDefault(ctx: HttpContext) {
    ctx.body = { data: await service().setDefault(await requireActor(ctx), docId(ctx)) };
  },
  /** GET /contacts/default/:orgId — a counterpart's default contact (relationship, delegation, order). */
  async counterpart(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const { orgId } = parseInput(z.object({ orgId: idParam('机构标识无效') }), ctx.params);
    ctx.body = { data: await service().counterpartDefault(actor, orgId ?? 0) };
  },
}));
