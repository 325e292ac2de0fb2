const roles = (r: string[]) => ({ policies: [{ name: 'global::has-role', config: { roles: r } }] });
const readers = roles(['platform_admin', 'bureau', 'hospital', 'manufacturer', 'distributor']);
const parties = roles(['hospital', 'manufacturer', 'distributor']);

export default {
  routes: [
    { method: 'GET', path: '/contracts/search', handler: 'contract.search', config: readers },
    { method: 'GET', path: '/contracts/export', handler: 'contract.exportList', config: readers },
    { method: 'GET', path: '/contracts/:documentId/detail', handler: 'contract.detail', config: readers },
    { method: 'GET', path: '/contracts/:documentId/content', handler: 'contract.content', config: readers },
    { method: 'GET', path: '/contracts/:documentId/signatures/:file', handler: 'contract.signatureFile', config: readers },
    { method: 'GET', path: '/contracts/:documentId/pdf', handler: 'contract.pdf', config: readers },
    { method: 'POST', path: '/contracts/:documentId/sign', handler: 'contract.sign', config: parties },
    { method: 'POST', path: '/contracts/:documentId/refuse', handler: 'contract.refuse', config: parties },
    { method: 'GET', path: '/contract-volumes', handler: 'contract.volumes', config: readers },
    { method: 'GET', path: '/contract-volumes/template', handler: 'contract.volumeTemplate', config: roles(['bureau']) },
    { method: 'POST', path: '/contract-volumes/import', handler: 'contract.volumeImport', config: roles(['bureau']) },
    { method: 'GET', path: '/contract-volumes/:documentId/distributors', handler: 'contract.volumeDistributors', config: roles(['hospital']) },
    { method: 'POST', path: '/contract-volumes/:documentId/pick', handler: 'contract.pick', config: roles(['hospital']) },
  ],
};
