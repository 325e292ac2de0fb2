import type { Role } from '../domain/roles';

/**
 * The one roles file. Each role is granted whole APIs (every action of every controller of
 * `api::<name>`) or single actions; the route policies and the scope rules decide the rest.
 */
const REFERENCE = ['api::region.region.find', 'api::region.region.findOne', 'api::product', 'api::organisation'];
const SELF = [
  'api::me',
  'api::job',
  'api::statistic',
  'api::contact',
  'api::pki',
  'api::openapi.openapi.document',
  'plugin::users-permissions.auth.changePassword',
  'plugin::users-permissions.user.me',
];

export const ROLE_DEFS: Record<Role, { name: string; description: string; grants: string[] }> = {
  platform_admin: {
    name: '联采办',
    description: '平台管理员：创建医保局、生产企业和医疗机构，查看全部数据',
    grants: [
      ...REFERENCE,
      ...SELF,
      'api::distributor-account',
      'api::delegation',
      'api::delegation-item',
      'api::hospital-relationship',
      'api::contract',
      'api::contract-signature',
      'api::order',
      'api::order-line',
      'api::delivery',
      'api::return-request',
      'api::state-history',
      'api::oversight',
    ],
  },
  bureau: {
    name: '省级医保局',
    description: '新增、发放、重置密码、启用禁用本省配送企业账号；查看本省数据',
    grants: [
      ...REFERENCE,
      ...SELF,
      'api::distributor-account',
      'api::delegation',
      'api::delegation-item',
      'api::hospital-relationship',
      'api::contract',
      'api::order',
      'api::order-line',
      'api::delivery',
      'api::return-request',
      'api::state-history',
      'api::oversight',
    ],
  },
  manufacturer: {
    name: '生产企业',
    description: '维护本企业产品的配送委托，签订三方合同，查看本企业产品的订单',
    grants: [
      ...REFERENCE,
      ...SELF,
      'api::delegation',
      'api::delegation-item',
      'api::contract',
      'api::contract-signature',
      'api::order-line',
      'api::delivery',
      'api::state-history',
    ],
  },
  distributor: {
    name: '配送企业',
    description: '响应配送委托、医院配送关系，签订合同，处理订单、配送、发票与退货',
    grants: [
      ...REFERENCE,
      ...SELF,
      'api::distributor-account',
      'api::delegation',
      'api::delegation-item',
      'api::hospital-relationship',
      'api::contract',
      'api::contract-signature',
      'api::order',
      'api::order-line',
      'api::delivery',
      'api::return-request',
      'api::state-history',
      'api::oversight',
    ],
  },
  hospital: {
    name: '医疗机构',
    description: '申请医院配送关系，下单、收货、查验发票、退货',
    grants: [
      ...REFERENCE,
      ...SELF,
      'api::hospital-relationship',
      'api::contract',
      'api::contract-signature',
      'api::order',
      'api::order-line',
      'api::delivery',
      'api::return-request',
      'api::state-history',
    ],
  },
};

/** Strapi's own roles: the public one may only log in and fetch the platform CA certificate and the OpenAPI document, the default `authenticated` one nothing. */
export const BASE_ROLES: Record<string, string[]> = {
  public: ['plugin::users-permissions.auth.callback', 'api::pki.pki.caPem', 'api::openapi.openapi.document'],
  authenticated: [],
};
