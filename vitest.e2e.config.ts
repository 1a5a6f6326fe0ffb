import { defineConfig } from 'vitest/config'

// End-to-end tests: the built app served on 127.0.0.1 and driven in Debian's Chromium by playwright-core.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // One browser at a time: two cores, and Chromium is the heavy part.
    fileParallelism: false,
    pool: 'forks',
  },
})
