// 企业信息: the caller's own organisation (editable, with history), its operators 经办人 (administrator
// login only); a distributor keeps its distribution areas 配送区域 here.
const anyone = { policies: [{ name: 'global::has-role', config: { roles: [] } }] };
const manager = { policies: [{ name: 'global::has-role', config: { roles: [], loginManager: true } }] };
const O = '/organisations/mine/operators';
const distributor = { policies: [{ name: 'global::has-role', config: { roles: ['distributor'] } }] };

export default {
  routes: [
    { method: 'GET', path: '/organisations/mine', handler: 'organisation.mine', config: anyone },
    { method: 'PUT', path: '/organisations/mine', handler: 'organisation.updateInfo', config: anyone },
    { method: 'GET', path: '/organisations/mine/history', handler: 'organisation.history', config: anyone },
    { method: 'GET', path: O, handler: 'operators.list', config: manager },
    { method: 'POST', path: O, handler: 'operators.create', config: manager },
    { method: 'PUT', path: `${O}/:id`, handler: 'operators.update', config: manager },
    { method: 'POST', path: `${O}/:id/enable`, handler: 'operators.enable', config: manager },
    { method: 'POST', path: `${O}/:id/disable`, handler: 'operators.disable', config: manager },
    { method: 'POST', path: `${O}/:id/reset-password`, handler: 'operators.resetPassword', config: manager },
    { method: 'GET', path: '/organisations/mine/area-tree', handler: 'organisation.areaTree', config: distributor },
    { method: 'PUT', path: '/organisations/mine/areas', handler: 'organisation.setAreas', config: distributor },
  ],
};
