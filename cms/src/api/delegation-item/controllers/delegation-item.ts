import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::delegation-item.delegation-item');
