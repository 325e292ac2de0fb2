/** 统计查询 (manual 001 §3.5) and the 工作台 figures: every role reads its own scope. */
const ANY = { policies: [{ name: 'global::has-role', config: { roles: [] as string[] } }] };

export default {
  routes: [
    { method: 'GET', path: '/statistics/by-product', handler: 'statistics.byProduct', config: ANY },
    { method: 'GET', path: '/statistics/by-distributor', handler: 'statistics.byDistributor', config: ANY },
    { method: 'GET', path: '/statistics/by-hospital', handler: 'statistics.byHospital', config: ANY },
    { method: 'GET', path: '/statistics/by-product/export', handler: 'statistics.exportByProduct', config: ANY },
    { method: 'GET', path: '/statistics/by-distributor/export', handler: 'statistics.exportByDistributor', config: ANY },
    { method: 'GET', path: '/statistics/by-hospital/export', handler: 'statistics.exportByHospital', config: ANY },
    { method: 'GET', path: '/statistics/series', handler: 'statistics.series', config: ANY },
    { method: 'GET', path: '/statistics/dashboard', handler: 'statistics.dashboard', config: ANY },
    {
      method: 'POST',
      path: '/statistics/rebuild',
      handler: 'statistics.rebuild',
      config: { policies: [{ name: 'global::has-role', config: { roles: ['platform_admin'] } }] },
    },
  ],
};
