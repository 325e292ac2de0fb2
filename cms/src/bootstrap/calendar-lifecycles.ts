import type { Core } from '@strapi/strapi';
import { notifyClusterSoon } from '../db/cluster-bus';

/** A content manager's change to the working calendar or a deadline rule applies at the next read, in every server process. */
export function registerCalendarLifecycles(strapi: Core.Strapi) {
  const clear = () => {
    (strapi.service('api::working-calendar.working-calendar') as unknown as { clearCache(): void }).clearCache();
    notifyClusterSoon(strapi.db.connection, { kind: 'calendar' });
  };
  strapi.db.lifecycles.subscribe({
    models: ['api::working-calendar.working-calendar-day', 'api::working-calendar.deadline-rule'],
    afterCreate: clear,
    afterCreateMany: clear,
    afterUpdate: clear,
    afterUpdateMany: clear,
    afterDelete: clear,
    afterDeleteMany: clear,
  });
}
