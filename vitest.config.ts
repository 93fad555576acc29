import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/scenarios/**/*.test.ts', 'tests/snapshots/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
