// The build's lighter client (src/slidev/vite.ts): each slide's speaker notes leave the first
// load and arrive when first read. The module shape is Slidev's own (its frontmatter modules).
import { describe, expect, it } from 'vitest'
import { lazyNotes } from '../../src/slidev/vite'

const slidevFrontmatterModule = (base: object) => [
  '// @unocss-include',
  'import { computed, reactive, shallowReactive } from "vue"',
  'export const frontmatterData = {"id":"m1-title"}',
  'export const frontmatter = reactive(frontmatterData)',
  'export default frontmatter',
  'export const meta = shallowReactive({',
  '  get layout(){ return frontmatter.layout },',
  '  slide: {',
  `    ...(${JSON.stringify(base)}),`,
  '    frontmatter,',
  '    id: 0,',
  '  },',
  '})',
].join('\n')

describe('lazy speaker notes', () => {
  it('takes a slide\'s notes out of its module and reads them through a getter that loads them', () => {
    const notes = new Map<number, string>()
    const code = lazyNotes(slidevFrontmatterModule({ title: 'Hello', noteHTML: '<p>Say "hello" \\u2028 there</p>' }), notes, 3)
    expect(notes.get(3)).toBe('<p>Say "hello" \\u2028 there</p>')
    expect(code).not.toContain('Say')
    expect(code).toContain(`import { lazyNote as kitLazyNote } from 'kit:lazy-notes'`)
    expect(code).toContain(`...({"title":"Hello"}),\n    get noteHTML() { return kitLazyNote(3, () => import('kit:note/note-3')) },\n    frontmatter,`)
  })

  it('leaves a slide without notes, and a module of another shape, as they are', () => {
    const notes = new Map<number, string>()
    const empty = slidevFrontmatterModule({ title: 'Hello', noteHTML: '' })
    expect(lazyNotes(empty, notes, 1)).toBe(empty)
    expect(lazyNotes('export default {}', notes, 2)).toBe('export default {}')
    expect(notes.size).toBe(0)
  })
})
