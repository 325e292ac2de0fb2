import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::distributor-account.distributor-account');
