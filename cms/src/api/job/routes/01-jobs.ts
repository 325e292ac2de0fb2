/** Jobs (long work in the background): progress, cancel, the result file. Only the owner's organisation reads a job. */
const ANY = { policies: [{ name: 'global::has-role', config: { roles: [] } }] };

export default {
  routes: [
    { method: 'GET', path: '/jobs/:id', handler: 'jobs.show', config: ANY },
    { method: 'POST', path: '/jobs/:id/cancel', handler: 'jobs.cancel', config: ANY },
    { method: 'GET', path: '/jobs/:id/file', handler: 'jobs.file', config: ANY },
  ],
};
