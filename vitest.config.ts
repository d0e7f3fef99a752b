import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Two projects: fast tests, and the tests of the built site (browser, PDFs), which share
// one real build of every deck made by test/support/global-site.ts.
export default defineConfig({
  plugins: [vue()],
  test: {
    // Builds and browser runs are real: give them time on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/site/**', 'test/handouts/**'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'site', include: ['test/site/**/*.test.ts', 'test/handouts/**/*.test.ts'], environment: 'node', globalSetup: ['test/support/global-site.ts'] },
      },
    ],
  },
})
