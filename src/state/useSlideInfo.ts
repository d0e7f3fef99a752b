// The current slide's frontmatter, for components that default to it (an activity's
// duration, its structure, its id), through the adapter.
export { useSlideFrontmatter } from '../slidev/context'
