const roles = (r: string[]) => ({ policies: [{ name: 'global::has-role', config: { roles: r } }] });
const readers = roles(['platform_admin', 'bureau', 'manufacturer', 'distributor']);

export default {
  routes: [
    { method: 'GET', path: '/delegation-list', handler: 'delegation.list', config: readers },
    { method: 'GET', path: '/delegations/:documentId/detail', handler: 'delegation.detail', config: readers },
    { method: 'GET', path: '/delegations/:documentId/products', handler: 'delegation.products', config: readers },
    { method: 'POST', path: '/delegations/create', handler: 'delegation.createDelegation', config: roles(['manufacturer']) },
    { method: 'POST', path: '/delegations/respond', handler: 'delegation.respond', config: roles(['distributor']) },
    { method: 'POST', path: '/delegations/:documentId/sub-delegate', handler: 'delegation.subDelegate', config: roles(['distributor']) },
    { method: 'POST', path: '/delegations/:documentId/withdraw', handler: 'delegation.withdraw', config: roles(['manufacturer', 'distributor']) },
    { method: 'GET', path: '/delegated-products', handler: 'delegation.delegatedProducts', config: roles(['distributor']) },
    { method: 'GET', path: '/delegated-products/export', handler: 'delegation.delegatedProductsExport', config: roles(['distributor']) },
  ],
};
