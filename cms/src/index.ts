import type { Core } from '@strapi/strapi';
import { registerRoles } from './bootstrap/register-roles';
import { registerOpenApiDocument } from './bootstrap/openapi-document';
import { registerAuthChangeLifecycles } from './bootstrap/auth-change-lifecycles';
import { registerApiTokenScope } from './bootstrap/api-token-scope';
import { registerCalendarLifecycles } from './bootstrap/calendar-lifecycles';
import { registerStrapiPatches } from './strapi-patches';
import { seedRegions } from './seed/regions';
import { seedDemo } from './seed/demo';
import { seedDemoDelegations } from './seed/demo-delegations';
import { seedDeliveryManufacturers } from './seed/delivery-manufacturers';
import { seedDemoContracts } from './seed/demo-contracts';
import { seedDemoContacts } from './seed/demo-contacts';
import { seedDemoActivity } from './seed/demo-activity';
import { registerRelationshipExpiry } from './jobs/relationship-expiry';
import { seedsDemo, seedsDemoActivity } from './utils/demo-seeding';
import { registerPki } from './api/pki/services/authority';
import { registerMetrics } from './bootstrap/metrics';
import { registerClusterBus, stopCluster } from './bootstrap/cluster';
import { startJobRunner, stopJobRunner } from './jobs/runner';
import { registerJobHandlers } from './jobs/handlers';
import { ensurePgIndexes } from './db/pg-indexes';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerStrapiPatches(strapi);
    registerAuthChangeLifecycles(strapi);
    registerApiTokenScope(strapi);
    registerCalendarLifecycles(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    registerMetrics(strapi);
    await registerClusterBus(strapi);
    await ensurePgIndexes(strapi.db.connection, String(strapi.db.config.connection.client), (m) => strapi.log.info(m));
    await registerRoles(strapi);
    await registerOpenApiDocument(strapi);
    await seedRegions(strapi);
    await seedDeliveryManufacturers(strapi);
    registerRelationshipExpiry(strapi);
    registerJobHandlers(strapi);
    await startJobRunner(strapi);
    await registerPki();
    if (seedsDemo(process.env)) {
      await seedDemo(strapi);
      await seedDemoDelegations(strapi);
      await seedDemoContracts(strapi);
      await seedDemoContacts(strapi);
    }
    if (seedsDemoActivity(process.env)) await seedDemoActivity(strapi);
  },

  async destroy() {
    await stopJobRunner();
    await stopCluster();
  },
};
