import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::hospital-relationship.hospital-relationship');
