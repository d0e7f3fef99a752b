// The board's own words in each language, keyed by their English text; the registry merges
// them into each language's catalogue (src/i18n). Neutral Spanish: ustedes for the room.
import type { BoardPhrases } from '../kit/entry'

export const phrases: BoardPhrases = {
  es: {
    'Channel audit': 'Auditoría de canales',
    'Channel': 'Canal',
    'e.g. forum, monthly call, newsletter': 'p. ej. foro, llamada mensual, boletín',
    'Sync or async': 'Síncrono o asíncrono',
    'synchronous': 'síncrono',
    'asynchronous': 'asíncrono',
    'Purpose': 'Propósito',
    'Audience': 'Público',
    'Owner': 'Responsable',
    'Cadence': 'Frecuencia',
    'e.g. weekly, on demand': 'p. ej. semanal, a demanda',
    'Accessibility notes': 'Notas de accesibilidad',
    'no owner': 'sin responsable',
    'no purpose': 'sin propósito',
    'Start from the channel list you made in the room; add the unofficial channels you missed.': 'Partan de la lista de canales que hicieron en la sala; añadan los canales no oficiales que faltan.',
    'Mark each synchronous or asynchronous, and give it a purpose and an owner.': 'Marquen cada uno como síncrono o asíncrono, y denle un propósito y un responsable.',
    'If you have time: its audience, its cadence, and what makes it hard to access.': 'Si les da tiempo: su público, su frecuencia y qué lo hace difícil de usar.',
    'Ask: which channel do newcomers find first, and where do decisions happen?': 'Pregúntense: ¿qué canal encuentran primero las personas nuevas, y dónde se toman las decisiones?',
  },
}
