// Only in the test environment: changes one byte of a contract's stored content, to prove that its signatures then fail.
const enabled = process.env.NODE_ENV === 'test';

export default {
  routes: enabled ? [{ method: 'POST', path: '/test/contracts/:documentId/tamper', handler: 'contract.testTamper', config: { auth: false } }] : [],
};
