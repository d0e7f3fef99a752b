export const HANDOUT_KINDS = ['slides', 'worksheets', 'facilitator-guide'] as const
export type HandoutKind = typeof HANDOUT_KINDS[number]

/** `02-community-of-practice-worksheets.pdf` */
export function handoutName(deck: string, kind: HandoutKind): string {
  return `${deck}-${kind}.pdf`
}
