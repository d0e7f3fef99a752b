// The kit's licences: stated once in src/i18n/en/licence.ts, beside the English catalogue, since
// their words are catalogue keys (src/i18n/<lang>/ translates them). Re-exported here for the
// pages and handouts that take the licence line.
export * from '../i18n/en/licence'
