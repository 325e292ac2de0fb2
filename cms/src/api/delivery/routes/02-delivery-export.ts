/** .xlsx of the delivery list (配送记录, 待收货, 待查验, 撤回修改) with the list's filters. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/order-deliveries/export',
      handler: 'delivery-export.exportList',
      config: { policies: [{ name: 'global::has-role', config: { roles: ['distributor', 'hospital', 'bureau', 'platform_admin'] } }] },
    },
  ],
};
