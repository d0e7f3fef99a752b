// The board's own words in each language, keyed by their English text; the registry merges
// them into each language's catalogue (src/i18n). Neutral Spanish: ustedes for the room, tú on
// a participant's phone.
import type { BoardPhrases } from '../kit/entry'

export const phrases: BoardPhrases = {
  es: {
    'Quick answers': 'Respuestas rápidas',
    'Answer': 'Respuesta',
    'Second answer': 'Segunda respuesta',
    'Third answer': 'Tercera respuesta',
    'a word or a short phrase': 'una palabra o una frase corta',
    'optional': 'opcional',
    'Your answers': 'Tus respuestas',
    'Give one to three short answers: a word or a short phrase each.': 'Den de una a tres respuestas cortas: una palabra o una frase corta cada una.',
    'From your phone when the board is live; otherwise say them and the facilitator types them in.': 'Desde su celular cuando el tablero está en vivo; si no, díganlas en voz alta y la persona facilitadora las escribe.',
    'The bigger an answer, the more people gave it; its count is beside it.': 'Cuanto más grande una respuesta, más personas la dieron; el número a su lado dice cuántas.',
    'Word cloud': 'Nube de palabras',
    'People': 'Personas',
    'Answers, most given first': 'Respuestas, las más dadas primero',
    '{n} person': '{n} persona',
    '{n} people': '{n} personas',
    '{n} different answer': '{n} respuesta distinta',
    '{n} different answers': '{n} respuestas distintas',
    'from {n} person': 'de {n} persona',
    'from {n} people': 'de {n} personas',
  },
}
