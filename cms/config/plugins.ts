export default () => ({
  'users-permissions': {
    config: {
      jwt: { expiresIn: '12h' },
      jwtManagement: 'legacy-support',
      register: { allowedFields: [] },
      // Replaced by middlewares/login-guard.ts: 429 with Retry-After per IP, and a per-account lockout.
      ratelimit: { enabled: false },
    },
  },
  documentation: {
    enabled: true,
    config: {
      info: {
        version: '1.0.0',
        title: '医用耗材采购配送平台 REST API',
        description:
          'Medical consumables procurement and distribution platform. Reference data with an API token; business data as a logged-in organisation user.',
      },
      'x-strapi-config': { plugins: ['users-permissions'] },
    },
  },
});
