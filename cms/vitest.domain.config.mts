import './tests/node20-polyfills';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/domain/**/*.test.ts', 'tests/utils/**/*.test.ts', 'tests/scope/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.tmp/results-domain.json' }]],
  },
});
