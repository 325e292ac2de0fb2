export default {
  routes: [
    { method: 'GET', path: '/me', handler: 'me.show', config: { policies: [] } },
    { method: 'GET', path: '/me/todos', handler: 'me.todos', config: { policies: [] } },
    { method: 'POST', path: '/me/logout', handler: 'me.logout', config: { policies: [] } },
  ],
};
