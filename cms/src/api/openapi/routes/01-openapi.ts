/** The OpenAPI document for integrators (also shown by /documentation). */
export default {
  routes: [{ method: 'GET', path: '/openapi.json', handler: 'openapi.document', config: { auth: false } }],
};
