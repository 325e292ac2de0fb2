/** Order placement (DOMAIN.md §6): the order form's options and placing an order, by hospitals. */
const HOSP = { policies: [{ name: 'global::has-role', config: { roles: ['hospital'] } }] };

export default {
  routes: [
    { method: 'GET', path: '/order-options', handler: 'placement.options', config: HOSP },
    { method: 'POST', path: '/orders/place', handler: 'placement.placeOrder', config: HOSP },
  ],
};
