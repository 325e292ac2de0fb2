import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::distributor-account.distributor-account');
