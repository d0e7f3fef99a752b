// Shared notes: text several decks use (joining, devices, exports), written once in
// decks/shared-notes/<name>.md and included in a slide's notes by `{% include <name> %}`.
// Read by Slidev's preparser (setup/preparser.ts), the content check and the guide.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DECKS_DIR } from '../paths'
import { expandIncludes, SHARED_NOTE_NAME } from './notes'

export const SHARED_NOTES_DIR = join(DECKS_DIR, 'shared-notes')

/** A shared note's text, or undefined when there is none. Only a plain dashed name is ever read. */
export function readSharedNote(name: string, dir = SHARED_NOTES_DIR): string | undefined {
  if (!SHARED_NOTE_NAME.test(name))
    return undefined
  const file = join(dir, `${name}.md`)
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

/** A note with its includes replaced by the shared notes' text. */
export function withSharedNotes(note: string, dir = SHARED_NOTES_DIR) {
  return expandIncludes(note, name => readSharedNote(name, dir))
}
