import type { Core } from '@strapi/strapi';
import { registerRoles } from './bootstrap/register-roles';
import { registerAuthChangeLifecycles } from './bootstrap/auth-change-lifecycles';
import { registerStrapiPatches } from './strapi-patches';
import { seedRegions } from './seed/regions';
import { seedDemo } from './seed/demo';
import { seedDemoDelegations } from './seed/demo-delegations';
import { seedDemoContacts } from './seed/demo-contacts';
import { registerRelationshipExpiry } from './jobs/relationship-expiry';
import { seedsDemo } from './utils/demo-seeding';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerStrapiPatches(strapi);
    registerAuthChangeLifecycles(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await registerRoles(strapi);
    await seedRegions(strapi);
    registerRelationshipExpiry(strapi);
    if (seedsDemo(process.env)) {
      await seedDemo(strapi);
      await seedDemoDelegations(strapi);
      await seedDemoContacts(strapi);
    }
  },
};
