// Slidev's preparser for every deck, by Slidev's convention: a root's setup/preparser.ts. The
// kit's preparser itself (placeholders, shared notes, the glance and variant blocks) is
// src/content/slidev-preparser.ts, below both the decks and the build.
export { default, renderNoteForSlidev } from '../src/content/slidev-preparser'
