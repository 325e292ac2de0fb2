// Test environment only: runs the optional hourly expiry job now (to test what it records).
const enabled = process.env.NODE_ENV === 'test';

export default {
  routes: enabled ? [{ method: 'POST', path: '/test/hospital-relationships/expire', handler: 'hospital-relationship.runExpiry', config: { auth: false } }] : [],
};
