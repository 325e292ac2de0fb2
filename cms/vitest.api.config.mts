import './tests/node20-polyfills';
import { defineConfig } from 'vitest/config';

// API tests: one real Strapi (compiled TypeScript) on a throwaway SQLite file, or on PostgreSQL when
// TEST_DATABASE_URL is set, started once by the global setup and called over HTTP as each role.
const label = (process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite') + (process.env.AUTH_CACHE_TTL_MS === '0' ? '-nocache' : '');

export default defineConfig({
  test: {
    include: ['tests/api/**/*.test.ts'],
    globalSetup: ['tests/api/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: `.tmp/results-api-${label}.json` }]],
  },
});
