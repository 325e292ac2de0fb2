import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::return-request.return-request');
