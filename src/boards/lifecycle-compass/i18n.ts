// The board's own words in each language, keyed by their English text; the registry merges
// them into each language's catalogue (src/i18n). Neutral Spanish: ustedes for the room.
import type { BoardPhrases } from '../kit/entry'

export const phrases: BoardPhrases = {
  es: {
    'Lifecycle compass': 'Brújula del ciclo de vida',
    // The direction of an entry (describeDirection), counted by the language's plural rules.
    'stay': 'quedarse',
    'forward {n} stage': 'avanzar {n} etapa',
    'forward {n} stages': 'avanzar {n} etapas',
    'back {n} stage': 'retroceder {n} etapa',
    'back {n} stages': 'retroceder {n} etapas',
    'Community (or your name)': 'Comunidad (o su nombre)',
    'Stage now': 'Etapa actual',
    'Stage to reach': 'Etapa a la que llegar',
    'Evidence': 'Evidencias',
    'what tells you it is at that stage': 'qué indica que está en esa etapa',
    'One change needed': 'Un cambio necesario',
    'The room\'s spread': 'La distribución de la sala',
    'Stage': 'Etapa',
    'Target': 'Objetivo',
    'The room disagrees: talk about the evidence.': 'La sala no está de acuerdo: hablen de las evidencias.',
    'Alone: your community, its stage now and the stage to reach in a year or two.': 'A solas: su comunidad, su etapa actual y la etapa a la que llegar en uno o dos años.',
    'Add your evidence: what would a newcomer see?': 'Añadan sus evidencias: ¿qué vería una persona recién llegada?',
    'Name the one change that would move it on, small enough to start within a month.': 'Nombren el cambio que la haría avanzar, lo bastante pequeño para empezar en un mes.',
    'Then the room\'s spread: where do most of us sit?': 'Después, la distribución de la sala: ¿dónde estamos la mayoría?',
  },
}
