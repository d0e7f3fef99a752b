// What can be wrong with a note's shared-note includes, as catalogue keys with a `{name}`: the
// content check prints them in English, the presenter view in the cohort's language. A leaf
// module beside the English catalogue, so the other catalogues key on it without importing the
// notes' parser (src/content/notes.ts).

/** The presenter view's warning around a note's problem. */
export const NOTES_PROBLEM = 'Notes problem: {message} Run npm run check.'

export const INCLUDE_PROBLEMS = {
  badName: '`{% include {name} %}` does not name a shared note: use the file\'s name in decks/shared-notes/ without `.md`, in lower-case words joined by dashes (for example `{% include join-live %}`).',
  missing: 'includes the shared note "{name}", but decks/shared-notes/{name}.md does not exist: create it, or fix the name.',
  nested: 'the shared note "{name}" includes another shared note; shared notes are included from slides only: paste its text into decks/shared-notes/{name}.md instead.',
} as const
