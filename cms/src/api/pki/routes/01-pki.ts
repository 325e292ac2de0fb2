const roles = (r: string[]) => ({ policies: [{ name: 'global::has-role', config: { roles: r } }] });
const signers = roles(['hospital', 'manufacturer', 'distributor']);
const keepers = roles(['bureau', 'platform_admin']);

export default {
  routes: [
    { method: 'GET', path: '/pki/ca.pem', handler: 'pki.caPem', config: {} },
    { method: 'GET', path: '/pki/certificate', handler: 'pki.mine', config: signers },
    { method: 'POST', path: '/pki/certificate/apply', handler: 'pki.apply', config: signers },
    { method: 'POST', path: '/pki/certificate/change-pin', handler: 'pki.changePin', config: signers },
    { method: 'GET', path: '/pki/certificates', handler: 'pki.list', config: keepers },
    { method: 'POST', path: '/pki/certificates/:orgDocumentId/reissue', handler: 'pki.reissue', config: keepers },
    { method: 'POST', path: '/pki/verify', handler: 'pki.verify', config: { policies: [] } },
  ],
};
