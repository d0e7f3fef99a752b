// The board's own words in each language, keyed by their English text; the registry merges
// them into each language's catalogue (src/i18n). Neutral Spanish: ustedes for the room.
import type { BoardPhrases } from '../kit/entry'

export const phrases: BoardPhrases = {
  es: {
    'RACI matrix': 'Matriz RACI',
    'Activity': 'Actividad',
    'Check': 'Comprobación',
    'New role': 'Nuevo rol',
    'New activity': 'Nueva actividad',
    'e.g. community manager': 'p. ej. gestora de comunidad',
    'Responsible: does the work': 'Responsable (R): hace el trabajo',
    'Accountable: owns the outcome (exactly one per activity)': 'Aprobador (A): responde del resultado (exactamente uno por actividad)',
    'Consulted: gives input before': 'Consultado (C): opina antes',
    'Informed: told after': 'Informado (I): se le informa después',
    'Responsible': 'Responsable (R)',
    'Accountable': 'Aprobador (A)',
    'Consulted': 'Consultado (C)',
    'Informed': 'Informado (I)',
    'no A': 'sin A',
    'no R': 'sin R',
    'more than one A': 'más de una A',
    'OK': 'correcto',
    'Add the roles in your community first: who does the work? Six common activities are ready to rename, remove or keep.': 'Añadan primero los roles de su comunidad: ¿quién hace el trabajo? Seis actividades habituales están listas para renombrar, quitar o conservar.',
    'Activities': 'Actividades',
    'Removing it also clears its letters.': 'Al quitarlo también se borran sus letras.',
    'holds': 'tiene',
    'of the A\'s (more than': 'de las A (más del',
    'Onboarding': 'Acogida',
    'Community calls': 'Llamadas de la comunidad',
    'Moderation': 'Moderación',
    'Code of conduct response': 'Respuesta al código de conducta',
    'Documentation': 'Documentación',
    'Funder reports': 'Informes a financiadores',
    'Add the roles in your community as columns, including unofficial ones.': 'Añadan como columnas los roles de su comunidad, también los no oficiales.',
    'Make the critical tasks from your bus-factor list the rows; rename or delete the starters.': 'Conviertan en filas las tareas críticas de su lista del factor autobús; renombren o borren las de ejemplo.',
    'One letter a cell: every task needs exactly one A and at least one R.': 'Una letra por celda: cada tarea necesita exactamente una A y al menos una R.',
    'Fix the flags, then look at who holds the most A\'s: what happens when they are away?': 'Corrijan los avisos y miren quién tiene más A: ¿qué pasa cuando no está?',

    // The starter activities.
    'Starter activities, ready to rename, remove or keep:': 'Actividades iniciales, listas para renombrar, quitar o conservar:',
    'Remove the starter activities': 'Quitar las actividades iniciales',
  },
}
