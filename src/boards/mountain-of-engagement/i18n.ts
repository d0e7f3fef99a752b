// The board's own words in each language, keyed by their English text; the registry merges
// them into each language's catalogue (src/i18n). Neutral Spanish: ustedes for the room.
import type { BoardPhrases } from '../kit/entry'

export const phrases: BoardPhrases = {
  es: {
    'Mountain of engagement': 'Montaña de la participación',
    'Persona name': 'Nombre de la persona tipo',
    'fictional, built from real observations': 'ficticia, construida a partir de observaciones reales',
    'Role': 'Rol',
    'Hours a month': 'Horas al mes',
    'Motivations': 'Motivaciones',
    'Needs': 'Necesidades',
    'Barriers': 'Barreras',
    'barrier': 'barrera',
    'intervention': 'intervención',
    'owner': 'responsable',
    'Select a persona on the mountain to plan its steps.': 'Elija una persona tipo en la montaña para planificar sus pasos.',
    'No steps to climb.': 'No hay pasos que subir.',
    'Add a persona: someone you have met, at the stage they are at now.': 'Añadan una persona tipo: alguien que conocen, en la etapa en la que está ahora.',
    'The mountain of engagement, summit first. Focus a persona and use the arrow keys to move it; Enter opens it.': 'La montaña de la participación, de la cima a la base. Enfoque una persona tipo y muévala con las flechas; Intro la abre.',
    'Previous personas': 'Personas tipo anteriores',
    'Personas': 'Personas tipo',
    'personas at this stage now': 'personas tipo en esta etapa ahora',
    'Next personas': 'Personas tipo siguientes',
    'Close': 'Cerrar',
    'Create one persona: a fictional member built from people you have met.': 'Creen una persona tipo: un miembro ficticio basado en gente que conocen.',
    'Place it on the stage it is at now, and one stage up as the stage to reach.': 'Colóquenla en su etapa actual, y la etapa siguiente como etapa a la que llegar.',
    'For that one step, write the barrier, the intervention and its owner (a person or a role).': 'Para ese paso, escriban la barrera, la intervención y su responsable (una persona o un rol).',
    'More personas and the whole path up: at home, the same way.': 'Más personas tipo y todo el camino hacia arriba: en casa, de la misma manera.',
    'steps to plan': 'pasos por planificar',
    'step(s) without barrier, intervention or owner': 'paso(s) sin barrera, intervención o responsable',
    'steps to': 'pasos hacia',
    'target': 'objetivo',
    'The mountain of engagement, summit first. Focus a persona and use the arrow keys to move it; Enter selects it.': 'La montaña de la participación, de la cima a la base. Enfoque una persona tipo y muévala con las flechas; Intro la selecciona.',
  },
}
