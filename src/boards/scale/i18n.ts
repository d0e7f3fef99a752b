// The 1-5 scale's own words in each language, keyed by their English text; the registry merges
// them into each language's catalogue (src/i18n). Neutral Spanish: ustedes for the room, tú on
// a participant's phone.
import type { BoardPhrases } from '../kit/entry'

export const phrases: BoardPhrases = {
  es: {
    '1-5 scale': 'Escala del 1 al 5',
    '1': '1',
    '2': '2',
    '3': '3',
    '4': '4',
    '5': '5',
    'Your answer': 'Tu respuesta',
    '1 is not at all, 5 is completely': '1 es nada, 5 es totalmente',
    'not at all': 'nada',
    'completely': 'totalmente',
    'Answer': 'Respuesta',
    'Answers': 'Respuestas',
    'People': 'Personas',
    '% of people': '% de personas',
    'Average': 'Promedio',
    'Average {n} of 5': 'Promedio: {n} de 5',
    '{n} answer': '{n} respuesta',
    '{n} answers': '{n} respuestas',
    'No answers yet.': 'Todavía no hay respuestas.',
    'Answer from 1 to 5; you can change your answer until the board is locked.': 'Respondan del 1 al 5; pueden cambiar su respuesta hasta que se cierre el tablero.',
    'From your phone when the board is live; otherwise show 1 to 5 fingers and the facilitator counts.': 'Desde su celular cuando el tablero está en vivo; si no, muestren de 1 a 5 dedos y la persona facilitadora cuenta.',
    'Each bar gives its number of answers and its share of all answers; the average is below.': 'Cada barra indica su número de respuestas y su porcentaje del total; el promedio está debajo.',
  },
}
