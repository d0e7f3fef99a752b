// The poll's own words in each language, keyed by their English text; the registry merges them
// into each language's catalogue (src/i18n). Neutral Spanish: ustedes for the room, tú on a
// participant's phone.
import type { BoardPhrases } from '../kit/entry'

export const phrases: BoardPhrases = {
  es: {
    'Poll': 'Encuesta',
    'Your vote': 'Tu voto',
    'Option {n}': 'Opción {n}',
    'Option 1': 'Opción 1',
    'Option 2': 'Opción 2',
    'Option 3': 'Opción 3',
    'Option 4': 'Opción 4',
    'Option 5': 'Opción 5',
    'Option 6': 'Opción 6',
    'Option 7': 'Opción 7',
    'Option 8': 'Opción 8',
    'Option': 'Opción',
    'Votes': 'Votos',
    '% of votes': '% de votos',
    'Choose one option; you can change your vote until the poll is locked.': 'Elijan una opción; pueden cambiar su voto hasta que se cierre la encuesta.',
    'From your phone when the board is live; otherwise raise a hand and the facilitator counts.': 'Desde su celular cuando el tablero está en vivo; si no, levanten la mano y la persona facilitadora cuenta.',
    'Each bar gives its number of votes and its share of all votes.': 'Cada barra indica su número de votos y su porcentaje del total.',
    '{n} vote': '{n} voto',
    '{n} votes': '{n} votos',
    'Results': 'Resultados',
    '+1 vote for {option}': '+1 voto para {option}',
    '−1 vote for {option}': '−1 voto para {option}',
    'No votes yet.': 'Todavía no hay votos.',
    'This poll has no options: give them on the slide.': 'Esta encuesta no tiene opciones: escríbanlas en la diapositiva.',
  },
}
