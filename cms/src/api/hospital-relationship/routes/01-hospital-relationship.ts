// Purpose-written endpoints of 医院配送关系 (registered before the generic router: 01-).
const role = (...roles: string[]) => ({ policies: [{ name: 'global::has-role', config: { roles } }] });
const READERS = ['platform_admin', 'bureau', 'distributor', 'hospital'];
const ACTIONS = 'accept|reject|withdraw|requestRevoke|acceptRevoke|refuseRevoke';

export default {
  routes: [
    { method: 'GET', path: '/hospital-relationships/list', handler: 'hospital-relationship.list', config: role(...READERS) },
    { method: 'GET', path: '/hospital-relationships/export', handler: 'hospital-relationship.export', config: role(...READERS) },
    { method: 'GET', path: '/hospital-relationships/counts', handler: 'hospital-relationship.counts', config: role(...READERS) },
    { method: 'GET', path: '/hospital-relationships/detail/:documentId', handler: 'hospital-relationship.detail', config: role(...READERS) },
    { method: 'GET', path: '/hospital-relationships/candidates', handler: 'hospital-relationship.candidates', config: role('hospital') },
    { method: 'GET', path: '/hospital-relationships/orderable', handler: 'hospital-relationship.orderable', config: role('hospital') },
    { method: 'POST', path: '/hospital-relationships/request', handler: 'hospital-relationship.request', config: role('hospital') },
    { method: 'POST', path: `/hospital-relationships/:action(${ACTIONS})`, handler: 'hospital-relationship.transition', config: role('hospital', 'distributor') },
    {
      method: 'POST',
      path: `/hospital-relationships/:documentId/:action(${ACTIONS})`,
      handler: 'hospital-relationship.transitionOne',
      config: role('hospital', 'distributor'),
    },
  ],
};
