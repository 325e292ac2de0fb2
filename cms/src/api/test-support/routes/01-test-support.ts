// Only in the test environment: lets tests move the server's clock instead of waiting 30 days,
// insert fixture rows for record types whose own endpoints come later, mint API tokens, and read
// the Strapi patches' state (strapi-patches/).
const enabled = process.env.NODE_ENV === 'test';
const open = { auth: false } as const;

export default {
  routes: enabled
    ? [
        { method: 'GET', path: '/test/clock', handler: 'test-support.clock', config: open },
        { method: 'POST', path: '/test/clock', handler: 'test-support.setClock', config: open },
        { method: 'POST', path: '/test/fixtures/:type', handler: 'test-support.fixture', config: open },
        { method: 'POST', path: '/test/api-tokens', handler: 'test-support.apiToken', config: open },
        { method: 'POST', path: '/test/users', handler: 'test-support.user', config: open },
        { method: 'POST', path: '/test/users/:id/block', handler: 'test-support.blockUser', config: open },
        { method: 'GET', path: '/test/routes', handler: 'test-support.routes', config: open },
        { method: 'GET', path: '/test/checksum', handler: 'test-support.checksum', config: open },
        { method: 'POST', path: '/test/login-limits', handler: 'test-support.loginLimits', config: open },
        { method: 'GET', path: '/test/router-layers', handler: 'test-support.routerLayers', config: open },
        { method: 'GET', path: '/test/stats-recount', handler: 'test-support.statsRecount', config: open },
        { method: 'GET', path: '/test/event-loop', handler: 'test-support.eventLoop', config: open },
        { method: 'POST', path: '/test/event-loop', handler: 'test-support.eventLoop', config: open },
        { method: 'GET', path: '/test/strapi-patches', handler: 'test-support.strapiPatches', config: open },
        { method: 'POST', path: '/test/jobs/pause', handler: 'test-support.jobsPause', config: open },
        { method: 'POST', path: '/test/jobs/:id/abandon', handler: 'test-support.jobAbandon', config: open },
        { method: 'POST', path: '/test/stats-drift', handler: 'test-support.statsDrift', config: open },
      ]
    : [],
};
