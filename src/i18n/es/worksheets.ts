// Spanish for the words only printed worksheets use (src/handouts/worksheet-model.ts), keyed by
// the English text. Merged into the one Spanish phrasebook (./phrases.ts):
// words the boards already translate are not repeated here.
import { LICENCE_LINE, LICENCES } from '../../content/licence'

export const WORKSHEET_PHRASEBOOK_ES: Record<string, string> = {
  // The footer of every printed page (src/content/licence.ts)
  [LICENCE_LINE]: `Contenido ${LICENCES.content.name} (${LICENCES.content.url}); texto adaptado de Liberating Structures, señalado donde se usa, ${LICENCES.shareAlike.name} (${LICENCES.shareAlike.url}); código ${LICENCES.code.name}. Los marcos se citan donde se usan y en la diapositiva de referencias de cada presentación.`,
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
