/** Orders, deliveries, invoices and returns (DOMAIN.md §6): custom endpoints of the order workflow. */
const roles = (...r: string[]) => ({ policies: [{ name: 'global::has-role', config: { roles: r } }] });
const ANY = roles();
const DIST = roles('distributor');
const HOSP = roles('hospital');

export default {
  routes: [
    { method: 'GET', path: '/order-options', handler: 'workflow.options', config: HOSP },
    { method: 'POST', path: '/orders/place', handler: 'workflow.placeOrder', config: HOSP },
    { method: 'GET', path: '/order-lines/search', handler: 'workflow.search', config: ANY },
    { method: 'GET', path: '/order-lines/export', handler: 'workflow.exportLines', config: ANY },
    { method: 'GET', path: '/order-lines/:id/detail', handler: 'workflow.detail', config: ANY },
    { method: 'POST', path: '/order-lines/confirm', handler: 'workflow.confirm', config: DIST },
    { method: 'POST', path: '/order-lines/reject', handler: 'workflow.reject', config: DIST },
    { method: 'POST', path: '/order-lines/:id/terminate', handler: 'workflow.terminate', config: DIST },
    { method: 'POST', path: '/order-lines/:id/deliveries', handler: 'workflow.deliver', config: DIST },
    { method: 'POST', path: '/order-lines/:id/returns', handler: 'workflow.requestReturn', config: HOSP },
    { method: 'GET', path: '/order-deliveries', handler: 'workflow.deliveries', config: roles('distributor', 'hospital', 'bureau', 'platform_admin') },
    { method: 'POST', path: '/order-deliveries/:id/withdraw', handler: 'workflow.withdraw', config: DIST },
    { method: 'POST', path: '/order-deliveries/:id/invoice', handler: 'workflow.invoice', config: DIST },
    { method: 'POST', path: '/order-deliveries/:id/receive', handler: 'workflow.receive', config: HOSP },
    { method: 'POST', path: '/order-deliveries/:id/check', handler: 'workflow.checkInvoice', config: HOSP },
    { method: 'GET', path: '/order-returns', handler: 'workflow.returns', config: roles('distributor', 'hospital', 'bureau', 'platform_admin') },
    { method: 'POST', path: '/order-returns/:id/agree', handler: 'workflow.agreeReturn', config: DIST },
    { method: 'POST', path: '/order-returns/:id/refuse', handler: 'workflow.refuseReturn', config: DIST },
  ],
};
