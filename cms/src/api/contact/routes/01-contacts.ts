// 联系人信息: the caller's organisation's contacts; a counterpart's default contact where one deals with it.
const anyone = { policies: [{ name: 'global::has-role', config: { roles: [] } }] };
const P = '/contacts/mine';

export default {
  routes: [
    { method: 'GET', path: P, handler: 'contact.mine', config: anyone },
    { method: 'POST', path: P, handler: 'contact.add', config: anyone },
    { method: 'GET', path: '/contacts/default/:orgId', handler: 'contact.counterpart', config: anyone },
    { method: 'PUT', path: `${P}/:documentId`, handler: 'contact.edit', config: anyone },
    { method: 'DELETE', path: `${P}/:documentId`, handler: 'contact.remove', config: anyone },
    { method: 'POST', path: `${P}/:documentId/default`, handler: 'contact.setDefault', config: anyone },
  ],
};
