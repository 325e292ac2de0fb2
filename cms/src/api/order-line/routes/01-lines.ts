/** Order lines 订单明细 (DOMAIN.md §6): lists, export, detail, and the distributor's answers. */
const roles = (...r: string[]) => ({ policies: [{ name: 'global::has-role', config: { roles: r } }] });
const ANY = roles();
const DIST = roles('distributor');

export default {
  routes: [
    { method: 'GET', path: '/order-lines/search', handler: 'lines.search', config: ANY },
    { method: 'GET', path: '/order-lines/export', handler: 'lines.exportLines', config: ANY },
    { method: 'POST', path: '/order-lines/export-jobs', handler: 'lines.exportJob', config: ANY },
    { method: 'GET', path: '/order-lines/:id/detail', handler: 'lines.detail', config: ANY },
    { method: 'POST', path: '/order-lines/confirm', handler: 'lines.confirm', config: DIST },
    { method: 'POST', path: '/order-lines/reject', handler: 'lines.reject', config: DIST },
    { method: 'POST', path: '/order-lines/:id/terminate', handler: 'lines.terminate', config: DIST },
    { method: 'POST', path: '/order-lines/:id/cancel', handler: 'lines.cancel', config: roles('hospital') },
  ],
};
