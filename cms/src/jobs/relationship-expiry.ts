import type { Core } from '@strapi/strapi';
import { onceInCluster } from '../db/cluster-lock';

/**
 * Hourly: stores 已解除 for hospital relationships whose 30-day 解约中 period has ended and records
 * the history action 'expire'. Optional — every read computes the effective status itself, so
 * nothing depends on this job having run. One process of a cluster runs it (db/cluster-lock.ts).
 */
export function registerRelationshipExpiry(strapi: Core.Strapi) {
  strapi.cron.add({
    hospitalRelationshipExpiry: {
      task: async () => {
        try {
          await onceInCluster(strapi.db.connection, 'relationship-expiry', async () => {
            const n = await strapi.service('api::hospital-relationship.relationship-changes').expireDue();
            if (n) strapi.log.info(`hospital relationships: ${n} terminated after 30 days`);
          });
        } catch (err) {
          strapi.log.error(`hospital relationship expiry failed: ${(err as Error).message}`);
        }
      },
      options: { rule: '7 * * * *' },
    },
  });
}
