import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::return-request.return-request');
