import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::platform-setting.platform-setting');
