// 配送企业管理 (manual 000): the bureau manages its province's distributor accounts; the platform admin reads them.
const bureau = { policies: [{ name: 'global::has-role', config: { roles: ['bureau'] } }] };
const bureauAdmin = { policies: [{ name: 'global::has-role', config: { roles: ['bureau'], loginManager: true } }] };
const readers = { policies: [{ name: 'global::has-role', config: { roles: ['bureau', 'platform_admin'] } }] };
const P = '/distributor-accounts/manage';

export default {
  routes: [
    { method: 'GET', path: P, handler: 'distributor-account.manageList', config: readers },
    { method: 'GET', path: `${P}/export`, handler: 'distributor-account.exportList', config: readers },
    { method: 'GET', path: `${P}/template`, handler: 'distributor-account.template', config: bureau },
    { method: 'GET', path: `${P}/username-preview`, handler: 'distributor-account.usernamePreview', config: bureau },
    { method: 'GET', path: `${P}/initial-password`, handler: 'distributor-account.initialPasswordState', config: bureau },
    { method: 'PUT', path: `${P}/initial-password`, handler: 'distributor-account.setInitialPassword', config: bureauAdmin },
    { method: 'POST', path: `${P}/import`, handler: 'distributor-account.importFile', config: bureau },
    { method: 'POST', path: `${P}/issue`, handler: 'distributor-account.issue', config: bureau },
    { method: 'POST', path: `${P}/import-jobs`, handler: 'distributor-account.importJob', config: bureau },
    { method: 'POST', path: `${P}/issue-jobs`, handler: 'distributor-account.issueJob', config: bureau },
    { method: 'POST', path: `${P}/export-jobs`, handler: 'distributor-account.exportJob', config: readers },
    { method: 'POST', path: P, handler: 'distributor-account.manageCreate', config: bureau },
    { method: 'GET', path: `${P}/:documentId`, handler: 'distributor-account.manageOne', config: readers },
    { method: 'PUT', path: `${P}/:documentId`, handler: 'distributor-account.manageUpdate', config: bureau },
    { method: 'DELETE', path: `${P}/:documentId`, handler: 'distributor-account.manageDelete', config: bureau },
    { method: 'POST', path: `${P}/:documentId/enable`, handler: 'distributor-account.enable', config: bureau },
    { method: 'POST', path: `${P}/:documentId/disable`, handler: 'distributor-account.disable', config: bureau },
    { method: 'POST', path: `${P}/:documentId/reset-password`, handler: 'distributor-account.resetPassword', config: bureau },
    { method: 'POST', path: `${P}/:documentId/unlock`, handler: 'distributor-account.unlock', config: bureau },
  ],
};
