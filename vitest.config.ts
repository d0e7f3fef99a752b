import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Three projects: fast tests (npm run test:unit), the type check, and the tests of the built site (browser, PDFs), which share
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
        // Components mount without a Slidev app: see test/support/slidev-client.ts.
        resolve: { alias: { '@slidev/client': fileURLToPath(new URL('./test/support/slidev-client.ts', import.meta.url)) } },
        test: { name: 'unit', include: ['test/**/*.test.ts', 'src/**/*.test.ts'], exclude: ['test/site/**', 'test/handouts/**', 'test/typecheck/**'], environment: 'node', globalSetup: ['test/support/global-services.ts'] },
      },
      {
        // vue-tsc over the whole kit: part of npm test and CI, not of the fast test:unit.
        extends: true,
        test: { name: 'typecheck', include: ['test/typecheck/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'site', include: ['test/site/**/*.test.ts', 'test/handouts/**/*.test.ts'], environment: 'node', globalSetup: ['test/support/global-site.ts'] },
      },
    ],
  },
})
