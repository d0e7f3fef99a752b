// Shared by every deck: Slidev loads a vite.config from each addon root, and the repository
// root is the decks' local addon (`addons: ['../']`).
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const sharedPublic = fileURLToPath(new URL('./public', import.meta.url))

export default defineConfig({
  plugins: [
    {
      // Slidev points Vite's publicDir at the deck's own folder; the kit's fonts, favicon and
      // images live once in the root `public/`. A post plugin's config wins over Slidev's.
      name: 'kit:shared-public-dir',
      enforce: 'post',
      config: () => ({ publicDir: sharedPublic }),
    },
    {
      // Built decks keep Slidev's print page (`/print`): the kit's own exporter prints the built
      // site with one Chromium instead of a dev server per deck. Slidev only enables it with
      // `download: true`, which would also run its slower exporter during every build.
      name: 'kit:print-route',
      enforce: 'post',
      config: (_config, env) => (env.command === 'build' ? { define: { __SLIDEV_FEATURE_PRINT__: 'true' } } : {}),
    },
  ],
})
