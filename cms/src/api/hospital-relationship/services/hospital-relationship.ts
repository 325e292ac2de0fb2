import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::hospital-relationship.hospital-relationship');
