// Slide ids: cohorts select, replace and insert slides by them, and boards key their state on
// them, so one pattern serves the content check and the cohort schema. No Node imports.

/** `m<module>-<lower-case words joined by dashes>`, e.g. m2-stakeholder-map. */
export const SLIDE_ID = /^m(\d)-[a-z0-9]+(?:-[a-z0-9]+)*$/

/** An extension block's name (decks/extensions/<name>.md): lower-case words joined by dashes. */
export const EXTENSION_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/
