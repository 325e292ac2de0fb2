export default {
  routes: [{ method: 'GET', path: '/history/:entity/:documentId', handler: 'state-history.timeline' }],
};
