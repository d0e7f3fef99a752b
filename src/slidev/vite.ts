// The adapter's Vite plugin, loaded by the root vite.config.ts (which every deck shares).
// No imports of the kit's other files: Vite loads this file with its config loader.
import type { Plugin } from 'vite'

/**
 * Slidev's client registers its `/print` route only when this define is true, which Slidev
 * itself sets only with `download: true` (that also runs its slower exporter in every build).
 * The kit's exporter prints the built site, so built decks keep the route. src/slidev/contract.ts
 * checks that Slidev still guards the route with this flag.
 */
export const PRINT_FEATURE_FLAG = '__SLIDEV_FEATURE_PRINT__'

export function printRoutePlugin(): Plugin {
  return {
    name: 'kit:print-route',
    enforce: 'post',
    config: (_config, env) => (env.command === 'build' ? { define: { [PRINT_FEATURE_FLAG]: 'true' } } : {}),
  }
}
