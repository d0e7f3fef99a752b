// The handouts' file names: what the export (src/handouts) writes and the site's pages (src/site) link.

/** Where a built deck lists the npm packages whose code it ships: src/slidev/build.ts writes it, src/site/notices.ts reads it. */
export const SHIPPED_PACKAGES_FILE = 'shipped-packages.json'
/** What `npm run export` makes for each module (the filled worksheets come with `--results`). */
export const EXPORT_KINDS = ['slides', 'notes', 'worksheets', 'facilitator-guide'] as const
export type ExportKind = typeof EXPORT_KINDS[number]

/** Every handout file a module can have, in the order the landing page links them. */
export const HANDOUT_KINDS = ['slides', 'notes', 'worksheets', 'worksheets-filled', 'facilitator-guide'] as const
export type HandoutKind = typeof HANDOUT_KINDS[number]

/** The handouts a participant gets: never the facilitator guide. */
export const PARTICIPANT_KINDS: readonly HandoutKind[] = ['slides', 'notes', 'worksheets', 'worksheets-filled']

/** `02-community-of-practice-worksheets.pdf`; filled ones `02-community-of-practice-worksheets-filled.pdf` */
export function handoutName(deck: string, kind: HandoutKind): string {
  return `${deck}-${kind}.pdf`
}
