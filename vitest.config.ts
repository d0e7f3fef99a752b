import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Builds and browser runs are real: give them time on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
})
