/** .xlsx of the return requests (退货处理 / 退货申请) with the list's filters. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/order-returns/export',
      handler: 'return-export.exportList',
      config: { policies: [{ name: 'global::has-role', config: { roles: ['distributor', 'hospital', 'bureau', 'platform_admin'] } }] },
    },
  ],
};
