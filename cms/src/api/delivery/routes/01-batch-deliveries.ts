/** 批量配送: several confirmed lines of one hospital in one all-or-nothing request, and its delivery sheet. */
const DIST = { policies: [{ name: 'global::has-role', config: { roles: ['distributor'] } }] };

export default {
  routes: [
    { method: 'GET', path: '/order-deliveries/batch/hospitals', handler: 'batch-deliveries.hospitals', config: DIST },
    { method: 'POST', path: '/order-deliveries/batch', handler: 'batch-deliveries.deliver', config: DIST },
    { method: 'POST', path: '/order-deliveries/batch/preview', handler: 'batch-deliveries.preview', config: DIST },
    { method: 'GET', path: '/order-deliveries/batch/template', handler: 'batch-deliveries.template', config: DIST },
  ],
};
