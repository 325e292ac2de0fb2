/** The 委托配送 / 下级配送 picker: distributors issued in the delegation's province, searched on the server. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/delegations/distributor-options',
      handler: 'distributor-options.list',
      config: { policies: [{ name: 'global::has-role', config: { roles: ['manufacturer', 'distributor'] } }] },
    },
  ],
};
