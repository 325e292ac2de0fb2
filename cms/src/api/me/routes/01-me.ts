export default {
  routes: [
    { method: 'GET', path: '/me', handler: 'me.show', config: { policies: [] } },
  ],
};
