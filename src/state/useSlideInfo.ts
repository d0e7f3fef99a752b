// The current slide's frontmatter, for components that default to it (an activity's
// duration, its structure, its id). Slidev provides it to every slide under this key.
import { inject } from 'vue'

const SLIDEV_FRONTMATTER = '$$slidev-fontmatter' // sic: Slidev's own key

export function useSlideFrontmatter(): Record<string, any> {
  return inject<Record<string, any>>(SLIDEV_FRONTMATTER, {}) ?? {}
}
