// Test suites log in many times a minute: the login rate limit would answer 429.
export default () => ({
  'users-permissions': {
    config: {
      jwt: { expiresIn: '12h' },
      jwtManagement: 'legacy-support',
      register: { allowedFields: [] },
      ratelimit: { enabled: false },
    },
  },
});
