/** Returns 退货 (DOMAIN.md §6): the hospital asks, the distributor agrees or refuses. */
const roles = (...r: string[]) => ({ policies: [{ name: 'global::has-role', config: { roles: r } }] });
const DIST = roles('distributor');

export default {
  routes: [
    { method: 'POST', path: '/order-lines/:id/returns', handler: 'returns.request', config: roles('hospital') },
    { method: 'GET', path: '/order-returns', handler: 'returns.list', config: roles('distributor', 'hospital', 'bureau', 'platform_admin') },
    { method: 'POST', path: '/order-returns/:id/agree', handler: 'returns.agree', config: DIST },
    { method: 'POST', path: '/order-returns/:id/refuse', handler: 'returns.refuse', config: DIST },
  ],
};
