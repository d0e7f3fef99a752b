// The board's own words in each language, keyed by their English text; the registry merges
// them into each language's catalogue (src/i18n). Neutral Spanish: ustedes for the room.
import type { BoardPhrases } from '../kit/entry'

export const phrases: BoardPhrases = {
  es: {
    'Origin timeline': 'Línea de tiempo de los orígenes',
    'When': 'Cuándo',
    'year and month, like 2024-03': 'año y mes, como 2024-03',
    'What happened': 'Qué pasó',
    'Type': 'Tipo',
    'founding': 'fundación',
    'milestone': 'hito',
    'challenge': 'desafío',
    'pivot': 'giro',
    'Who was involved': 'Quién participó',
    'one per line; roles if names are private': 'uno por línea; roles si los nombres son privados',
    'Why it mattered': 'Por qué importó',
    'undated': 'sin fecha',
    'Timeline, oldest first': 'Línea de tiempo, de lo más antiguo a lo más reciente',
    'Alone: start from your three moments; add more if you can, up to 8.': 'A solas: empiecen por sus tres momentos; añadan más si pueden, hasta 8.',
    'For each event, at least: what happened, when (YYYY-MM), its type and who was involved (roles if private).': 'Para cada hecho, como mínimo: qué pasó, cuándo (AAAA-MM), su tipo y quién participó (roles si es privado).',
    'Time left? Add why it mattered, in one sentence.': '¿Les sobra tiempo? Añadan en una frase por qué importó.',
    'Then: whose voice is missing? Add one event that names them.': 'Después: ¿qué voz falta? Añadan un hecho que la nombre.',
  },
}
