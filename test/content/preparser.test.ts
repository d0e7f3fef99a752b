// The notes as Slidev gets them from setup/preparser.ts: the glance and each variant block
// wrapped for the presenter view's CSS, Markdown inside still Markdown, shared notes included.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import preparser, { renderNoteForSlidev } from '../../setup/preparser'
import { SHARED_NOTES_DIR } from '../../src/content/shared-notes'
import { ALL_SETTINGS, expandIncludes, noteToHtmlMarkdown, resolveNote, splitVariants } from '../../src/content/notes'

// Slidev renders notes with markdown-it (markdown-exit) and HTML on.
const md = new MarkdownIt({ html: true })

const NOTE = `**At a glance** · Say: "Hello." · Land: we *start*.

**Say** "Welcome."

::: online
**Set-up** Open the **breakout** rooms.
:::

::: same-community
Pair people across teams.
:::`

describe('the preparser\'s notes', () => {
  it('wrap the glance and each variant block, with its label as a heading, and keep Markdown inside', () => {
    const html = md.render(noteToHtmlMarkdown(NOTE))
    expect(html).toContain('<div class="kit-glance">\n<p><strong>At a glance</strong> · Say: &quot;Hello.&quot; · Land: we <em>start</em>.</p>\n</div>')
    expect(html).toContain('<div class="kit-variant" data-variant="online">\n<p class="kit-variant-label" role="heading" aria-level="4">Online</p>\n<p><strong>Set-up</strong> Open the <strong>breakout</strong> rooms.</p>\n</div>')
    expect(html).toContain('<div class="kit-variant" data-variant="same-community">\n<p class="kit-variant-label" role="heading" aria-level="4">Same community</p>\n<p>Pair people across teams.</p>\n</div>')
    expect(html).not.toContain(':::')
  })

  it('leave a malformed note as written (the content check names the problem)', () => {
    const broken = '**At a glance** · Say: "Hi." · Land: hi.\n\n::: online\nunclosed'
    expect(noteToHtmlMarkdown(broken)).toBe(broken)
  })

  it('include shared notes by name, and never read a name that could leave the folder', () => {
    const asked: string[] = []
    const read = (name: string) => { asked.push(name); return name === 'join' ? 'Scan the code.' : undefined }
    const { text, issues } = expandIncludes('A\n{% include join %}\n{% include ../../etc/passwd %}\n{% include Join %}\n{% include gone %}', read)
    expect(text.split('\n')).toEqual(['A', 'Scan the code.', '{% include ../../etc/passwd %}', '{% include Join %}', '{% include gone %}'])
    expect(asked).toEqual(['join', 'gone'])
    expect(issues.map(i => i.line)).toEqual([3, 4, 5])
  })

  it('in Slidev (which passes a mode) wrap the notes and warn of a missing shared note; for the kit\'s reader (no mode) keep them as written', async () => {
    const note = `${NOTE}\n\n{% include no-such-shared-note %}`
    const [slidev] = await preparser({ filepath: 'x.md', headmatter: {}, mode: 'dev' })
    const out = await slidev.transformNote!(note, {})
    expect(out).toMatch(/^<p class="kit-note-missing">Notes problem: includes the shared note "no-such-shared-note", but decks\/shared-notes\/no-such-shared-note\.md does not exist/)
    expect(out).toContain('<div class="kit-variant" data-variant="online">')
    const [reader] = await preparser({ filepath: 'x.md', headmatter: {} })
    expect(await reader.transformNote!(note, {})).toBe(note)
  })

  it('include a shared note from decks/shared-notes/ and fill its placeholders with the cohort\'s values', () => {
    const name = `test-preparser-${process.pid}`
    const file = join(SHARED_NOTES_DIR, `${name}.md`)
    writeFileSync(file, 'Join {% communityName %} on the board.\n')
    try {
      const out = renderNoteForSlidev(`**At a glance** · Say: "Hi." · Land: hi.\n\n::: live\n{% include ${name} %}\n:::`, { communityName: 'Las Abejas' })
      expect(md.render(out)).toContain('<div class="kit-variant" data-variant="live">\n<p class="kit-variant-label" role="heading" aria-level="4">Live mode</p>\n<p>Join Las Abejas on the board.</p>\n</div>')
    }
    finally {
      rmSync(file, { force: true })
    }
  })

  it('resolve a note for one setting: the blocks that apply, without markers', () => {
    const inPerson = ALL_SETTINGS.find(s => s.format === 'in-person' && !s.live && s.version === 'full')!
    expect(resolveNote(NOTE, inPerson)).toBe('**At a glance** · Say: "Hello." · Land: we *start*.\n\n**Say** "Welcome."\n\nPair people across teams.')
    expect(splitVariants(NOTE).segments.map(s => s.variant ?? 'common')).toEqual(['common', 'online', 'same-community'])
  })
})
