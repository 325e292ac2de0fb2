/** Deliveries 配送记录 and their invoices (DOMAIN.md §6). */
const roles = (...r: string[]) => ({ policies: [{ name: 'global::has-role', config: { roles: r } }] });
const DIST = roles('distributor');
const HOSP = roles('hospital');

export default {
  routes: [
    { method: 'POST', path: '/order-lines/:id/deliveries', handler: 'deliveries.deliver', config: DIST },
    { method: 'GET', path: '/order-deliveries', handler: 'deliveries.list', config: roles('distributor', 'hospital', 'bureau', 'platform_admin') },
    { method: 'POST', path: '/order-deliveries/:id/withdraw', handler: 'deliveries.withdraw', config: DIST },
    { method: 'POST', path: '/order-deliveries/:id/invoice', handler: 'deliveries.invoice', config: DIST },
    { method: 'POST', path: '/order-deliveries/:id/receive', handler: 'deliveries.receive', config: HOSP },
    { method: 'POST', path: '/order-deliveries/:id/check', handler: 'deliveries.check', config: HOSP },
  ],
};
