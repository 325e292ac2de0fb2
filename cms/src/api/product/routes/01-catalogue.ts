const auth = { policies: [{ name: 'global::has-role', config: { roles: [] } }] };

export default {
  routes: [
    { method: 'GET', path: '/catalogue', handler: 'product.catalogue', config: auth },
    { method: 'GET', path: '/catalogue/export', handler: 'product.catalogueExport', config: auth },
    { method: 'GET', path: '/catalogue/:documentId', handler: 'product.catalogueItem', config: auth },
  ],
};
