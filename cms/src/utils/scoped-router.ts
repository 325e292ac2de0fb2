import { factories, type UID } from '@strapi/strapi';

type CoreAction = 'find' | 'findOne' | 'create' | 'update' | 'delete';

/** Strapi's core router for `uid`, limited to `only`, every route behind the organisation-scope policy. */
export function scopedRouter(uid: string, only: CoreAction[] = ['find', 'findOne']) {
  const config = Object.fromEntries(only.map((a) => [a, { policies: ['global::org-scope'] }]));
  return factories.createCoreRouter(uid as UID.ContentType, { only, config });
}
