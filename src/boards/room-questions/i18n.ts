// The room's questions' own words in each language, keyed by their English text; the registry
// merges them into each language's catalogue (src/i18n). Neutral Spanish: ustedes for the room,
// tú on a participant's phone.
import type { BoardPhrases } from '../kit/entry'

export const phrases: BoardPhrases = {
  es: {
    'Questions for the room': 'Preguntas de la sala',
    'Question': 'Pregunta',
    'Answered': 'Respondida',
    'Upvotes': 'Votos a favor',
    'Upvote': 'Voto a favor',
    'yes': 'sí',
    'Your questions': 'Tus preguntas',
    'Ask a question at any time from your phone\'s menu; upvote the questions you want answered too.': 'Hagan una pregunta cuando quieran desde el menú del celular; voten a favor de las preguntas que también quieren que se respondan.',
    'The facilitator shows the questions when there is time, most upvoted first, and marks each answered.': 'La persona facilitadora muestra las preguntas cuando hay tiempo, primero las más votadas, y marca cada una como respondida.',
    '{n} upvote': '{n} voto a favor',
    '{n} upvotes': '{n} votos a favor',
    'Answered: {question}': 'Respondida: {question}',
    'Add a question': 'Añadir una pregunta',
    'and {n} more': 'y {n} más',
    'No questions yet: participants ask from their phone\'s menu, at any time.': 'Todavía no hay preguntas: se hacen desde el menú del celular, en cualquier momento.',
    'Questions, most upvoted first': 'Preguntas, las más votadas primero',
    'Show the questions on the screen': 'Mostrar las preguntas en la pantalla',
    'Hide the questions': 'Ocultar las preguntas',
  },
}
