import './tests/node20-polyfills';
import { defineConfig } from 'vitest/config';

// Two server processes on one PostgreSQL database (TEST_DATABASE_URL), started by the global setup:
// what one process writes or invalidates holds on the other at once.
export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    globalSetup: ['tests/cluster/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: '.tmp/results-cluster.json' }]],
  },
});
