// Only in the test environment: calls the service functions orders rely on (isDelegated, delegatedProductIds).
const enabled = process.env.NODE_ENV === 'test';

export default {
  routes: enabled ? [{ method: 'GET', path: '/test/delegation-check', handler: 'delegation.testCheck', config: { auth: false } }] : [],
};
