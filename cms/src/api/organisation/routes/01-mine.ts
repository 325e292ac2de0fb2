// 企业信息: the caller's own organisation; a distributor keeps its distribution areas 配送区域 here.
const anyone = { policies: [{ name: 'global::has-role', config: { roles: [] } }] };
const distributor = { policies: [{ name: 'global::has-role', config: { roles: ['distributor'] } }] };

export default {
  routes: [
    { method: 'GET', path: '/organisations/mine', handler: 'organisation.mine', config: anyone },
    { method: 'GET', path: '/organisations/mine/area-tree', handler: 'organisation.areaTree', config: distributor },
    { method: 'PUT', path: '/organisations/mine/areas', handler: 'organisation.setAreas', config: distributor },
  ],
};
