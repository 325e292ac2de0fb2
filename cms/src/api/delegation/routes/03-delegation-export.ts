/** .xlsx of 生产配送关系 with the list's filters (status, box, province, search). */
export default {
  routes: [
    {
      method: 'GET',
      path: '/delegation-list/export',
      handler: 'delegation-export.exportList',
      config: { policies: [{ name: 'global::has-role', config: { roles: ['platform_admin', 'bureau', 'manufacturer', 'distributor'] } }] },
    },
  ],
};
