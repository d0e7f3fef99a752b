// Shared by every deck: Slidev loads a vite.config from each addon root, and the repository
// root is the decks' local addon (`addons: ['../']`).
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { lightClientPlugin, printRoutePlugin } from './src/slidev/vite.ts'

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
    // Built decks keep Slidev's print page (`/print`) for the kit's exporter: see src/slidev/.
    printRoutePlugin(),
    // Built decks leave out what no deck of the kit uses (TwoSlash, Vue's template compiler): see src/slidev/vite.ts.
    lightClientPlugin(),
  ],
})
