// Shared by every deck: Slidev loads a vite.config from each addon root, and the repository
// root is the decks' local addon (`addons: ['../']`).
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { lightClientPlugin, printRoutePlugin } from './src/slidev/vite.ts'
import { sharedVueCompiler } from './src/slidev/vue-compiler.ts'

const sharedPublic = fileURLToPath(new URL('./public', import.meta.url))

export default defineConfig(({ command }) => ({
  // Slidev's options for its plugins: Vue's compiler remembers what it compiled, so the decks a
  // build process builds one after another share their components' compilation (src/slidev/vue-compiler.ts).
  slidev: { vue: { compiler: sharedVueCompiler(command) } },
  // The packages the kit's boards and live mode use in the browser, optimized when the dev server
  // starts. Slidev's dependency scan starts from its own client and does not reach them, so Vite
  // found each on the first slide that loaded it and bundled the dependencies again mid-session
  // (yjs and @hocuspocus/provider, then zod, then qrcode: three rebundles in a live session's
  // first minute, while the presenter view was drawing its boards).
  optimizeDeps: { include: ['yjs', '@hocuspocus/provider', 'zod', 'qrcode'] },
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
}))
