// Spanish for the words only printed worksheets use (src/handouts/worksheet-model.ts), keyed by
// the English text. Merged into the one Spanish phrasebook (./phrases.ts):
// words the boards already translate are not repeated here.
export const WORKSHEET_PHRASEBOOK_ES: Record<string, string> = {
  'Group': 'Grupo',
  'Date': 'Fecha',
  'Notes': 'Notas',
  'Power': 'Poder',
  'Interest': 'Interés',
  'low': 'bajo',
  'high': 'alto',
  'one line': 'una línea',
  'until': 'hasta',
  'Code of conduct': 'Código de conducta',
  'Membership': 'Membresía',
  'With whom, we do what, for whom, so that what changes': 'Con quién, hacemos qué, para quién, para que cambie qué',
  'Stages': 'Etapas',
}
