/** The OpenAPI document for integrators (also shown by /documentation): public through the public role's grant (roles.ts), like ca.pem. */
export default {
  routes: [{ method: 'GET', path: '/openapi.json', handler: 'openapi.document', config: {} }],
};
