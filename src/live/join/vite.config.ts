// The join page's own build: served by the live server, small enough for a phone on a weak
// hotspot (a test keeps its JavaScript under 100 KB gzip).
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

const here = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: here,
  base: '/',
  plugins: [vue()],
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../.live/join', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
  },
})
