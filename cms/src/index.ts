import type { Core } from '@strapi/strapi';
import { registerRoles } from './bootstrap/register-roles';
import { registerAuthCache } from './bootstrap/auth-cache';
import { seedRegions } from './seed/regions';
import { seedDemo } from './seed/demo';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerAuthCache(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await registerRoles(strapi);
    await seedRegions(strapi);
    if (process.env.SEED_DEMO !== 'false') await seedDemo(strapi);
  },
};
