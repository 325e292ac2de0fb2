// 机构管理 of the 联采办: every organisation; bureaus, manufacturers and hospitals created with their first login.
const platform = { policies: [{ name: 'global::has-role', config: { roles: ['platform_admin'], loginManager: true } }] };
const P = '/platform/organisations';

export default {
  routes: [
    { method: 'GET', path: P, handler: 'platform.list', config: platform },
    { method: 'GET', path: `${P}/export`, handler: 'platform.exportList', config: platform },
    { method: 'GET', path: `${P}/template`, handler: 'platform.template', config: platform },
    { method: 'POST', path: `${P}/import`, handler: 'platform.importFile', config: platform },
    { method: 'POST', path: P, handler: 'platform.create', config: platform },
    { method: 'GET', path: `${P}/:documentId`, handler: 'platform.one', config: platform },
    { method: 'GET', path: `${P}/:documentId/history`, handler: 'platform.history', config: platform },
    { method: 'PUT', path: `${P}/:documentId`, handler: 'platform.update', config: platform },
    { method: 'POST', path: `${P}/:documentId/enable`, handler: 'platform.enable', config: platform },
    { method: 'POST', path: `${P}/:documentId/disable`, handler: 'platform.disable', config: platform },
    { method: 'POST', path: `${P}/:documentId/reset-login`, handler: 'platform.resetLogin', config: platform },
  ],
};
