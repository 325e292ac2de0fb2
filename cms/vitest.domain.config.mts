import './tests/node20-polyfills';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/domain/**/*.test.ts', 'tests/utils/**/*.test.ts', 'tests/scope/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
    // The architecture tests read every source file: on a busy machine that can exceed vitest's 5 s default.
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: '.tmp/results-domain.json' }]],
  },
});
