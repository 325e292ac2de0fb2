import type { Core } from '@strapi/strapi';
import { registerRoles } from './bootstrap/register-roles';
import { registerApiTokenShortcut, registerAuthCache } from './bootstrap/auth-cache';
import { registerLeanMiddlewares } from './bootstrap/lean-middlewares';
import { seedRegions } from './seed/regions';
import { seedDemo } from './seed/demo';
import { seedDemoDelegations } from './seed/demo-delegations';
import { registerRelationshipExpiry } from './jobs/relationship-expiry';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerAuthCache(strapi);
    registerApiTokenShortcut();
    registerLeanMiddlewares(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await registerRoles(strapi);
    await seedRegions(strapi);
    registerRelationshipExpiry(strapi);
    if (process.env.SEED_DEMO !== 'false') {
      await seedDemo(strapi);
      await seedDemoDelegations(strapi);
    }
  },
};
