// How a board's item looks as a sticky note (BoardNote, RowBoard's `note` prop): a mark before
// its name, one of four note colours (or `warn`), and its flags in words. The colour is never
// the only signal: say the meaning in the mark, the text or a flag too.
export type NoteTone = 'a' | 'b' | 'c' | 'd' | 'warn'

export interface NoteLook {
  mark?: string
  tone?: NoteTone
  flags?: readonly string[]
}
