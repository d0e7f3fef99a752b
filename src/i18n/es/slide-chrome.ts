// Spanish for the slide chrome the kit draws around a deck's own words: the activity badges
// (grouping and structure, from each activity slide's frontmatter) and the agenda's headings.
// Keyed by the English text; `{n}` stands for a number. Merged into the one Spanish phrasebook
// (./phrases.ts); components say these through `translate` (src/i18n/labels.ts).

export const SLIDE_CHROME_ES: Record<string, string> = {
  // Activity badges
  'Activity details': 'Detalles de la actividad',
  '{n} min': '{n} min',
  'pairs': 'en parejas',
  'same groups': 'los mismos grupos',
  'solo': 'individual',
  'solo, then trio rounds': 'individual, luego rondas en tríos',
  'solo, then trios': 'individual, luego en tríos',
  'solo, then trios, then all': 'individual, luego en tríos, luego todo el grupo',
  'whole room': 'todo el grupo',
  'trios': 'en tríos',
  'trios, then solo': 'en tríos, luego individual',
  'groups of 3-4': 'grupos de 3-4',
  'groups of 4-5 (pairs in the short version)': 'grupos de 4-5 (parejas en la versión corta)',
  'think alone, then pairs, then share': 'pensar a solas, luego en parejas, luego compartir',
  'think alone, then trio ring, then share': 'pensar a solas, luego una ronda en el trío, luego compartir',
  'think alone, then trio ring': 'pensar a solas, luego una ronda en el trío',
  'trios (owner and two consultants)': 'tríos (quien plantea y dos asesores)',
  '1-2-4-All, run in trios': '1-2-4-Todos, en tríos',
  'Owner and consultants, in rounds': 'Quien plantea y asesores, por rondas',
  'Owner and consultants, demonstrated': 'Quien plantea y asesores, en demostración',
  'Think-pair-share': 'Pensar-parejas-compartir',
  'Think-pair-share, in trios': 'Pensar-parejas-compartir, en tríos',
  'Troika-style consulting': 'Consultoría al estilo Troika',
  // Credits and objectives
  'After Frank Lyman, University of Maryland (1981)': 'Según Frank Lyman, Universidad de Maryland (1981)',
  'By the end of this session, participants can…': 'Al final de esta sesión, las personas participantes podrán…',
  'Presenter and consultants, in rounds': 'Quien plantea y asesores, por rondas',
  'Presenter and consultants, demonstrated': 'Quien plantea y asesores, en demostración',
  'trios (presenter and two consultants)': 'tríos (quien plantea y dos asesores)',
  'Presenter {n}': 'Persona {n} presenta',
  // Agenda
  'Agenda, {n} minutes': 'Agenda, {n} minutos',
  'Minutes': 'Minutos',
  'Block': 'Bloque',
  'Activities': 'Actividades',
  'Buffer': 'Margen',
  '{n} min kept free for questions and running late': '{n} min libres para preguntas y retrasos',
  '{n} minutes': '{n} minutos',
  'in all': 'en total',
  // Timer announcements for screen readers
  'Timer started: {n} minutes.': 'Temporizador en marcha: {n} minutos.',
  'Timer started: {n} minute.': 'Temporizador en marcha: {n} minuto.',
  '{n} minutes left.': 'Quedan {n} minutos.',
  '{n} minute left.': 'Queda {n} minuto.',
  // The steps of think-pair-share (src/activities/structures.ts) and where the room is in them
  // (components/ActivitySteps.vue).
  'Think': 'Pensar',
  'On your own, in silence.': 'A solas, en silencio.',
  'Pair': 'En pareja',
  'Share': 'En común',
  'Talk it through with a partner.': 'Coméntenlo en pareja.',
  'Pairs share with the group.': 'Las parejas lo comparten con el grupo.',
  'now': 'ahora',
  'done': 'hecho',
}

