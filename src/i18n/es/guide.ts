// The facilitator guide's own words (src/handouts/guide.ts) and the notes' variant headings (the
// `::: <variant>` blocks, in the presenter view and the guide): for the person at the laptop,
// usted or an impersonal form. The deck's text is the deck's.
import { INCLUDE_PROBLEMS, NOTES_PROBLEM } from '../en/note-problems'

export const GUIDE_ES: Readonly<Record<string, string>> = {
  // A note's problem, shown in the presenter view (src/content/notes.ts).
  [NOTES_PROBLEM]: 'Problema en las notas: {message} Ejecute npm run check.',
  [INCLUDE_PROBLEMS.badName]: '`{% include {name} %}` no nombra una nota compartida: use el nombre del archivo en decks/shared-notes/ sin `.md`, en minúsculas y con guiones entre palabras (por ejemplo `{% include join-live %}`).',
  [INCLUDE_PROBLEMS.missing]: 'incluye la nota compartida "{name}", pero decks/shared-notes/{name}.md no existe: créela o corrija el nombre.',
  [INCLUDE_PROBLEMS.nested]: 'la nota compartida "{name}" incluye otra nota compartida; las notas compartidas solo se incluyen desde las diapositivas: pegue su texto en decks/shared-notes/{name}.md.',
  'Facilitator guide': 'Guía de facilitación',
  'facilitator guide': 'guía de facilitación',
  // The handouts' PDF titles and subjects (src/handouts/pdf.ts), with 'facilitator guide' above.
  'slides': 'diapositivas',
  'worksheets': 'hojas de trabajo',
  'worksheets, filled in': 'hojas de trabajo completadas',
  'slides with space for notes': 'diapositivas con espacio para notas',
  'Module': 'Módulo',
  'Welcome': 'Bienvenida',
  'run sheet': 'guion de tiempos',
  'Preparation': 'Preparación',
  'preparation': 'preparación',
  'Agenda and objectives': 'Agenda y objetivos',
  'Clock times from the session\'s start at {start}.': 'Horas desde el inicio de la sesión a las {start}.',
  'Minutes from the session\'s start.': 'Minutos desde el inicio de la sesión.',
  '{n} minutes in all. The presenter view shows the same run sheet, and the time you are ahead or behind.': '{n} minutos en total. La vista de presentación muestra el mismo guion de tiempos y cuánto tiempo lleva de adelanto o de retraso.',
  'When': 'Cuándo',
  'Length': 'Duración',
  'Buffer': 'Margen',
  'Kept free: spend it where the room is most alive, or finish early.': 'Tiempo libre: úselo donde el grupo esté más activo, o termine antes.',
  'Cut list': 'Bloques que se pueden quitar',
  'Running late? Drop whole blocks, in this order; never squeeze the rounds:': '¿Va con retraso? Quite bloques enteros, en este orden; nunca acorte las rondas:',
  'Notes for this cohort: {format}, {version}, with and without live mode.': 'Notas para esta cohorte: {format}, {version}, con y sin modo en vivo.',
  'Notes for every way of running a session: each variant under its heading (in person, online, hybrid, live mode or not, full or short version, same community).': 'Notas para cada forma de llevar una sesión: cada variante bajo su título (presencial, en línea, híbrida, con o sin modo en vivo, versión completa o corta, misma comunidad).',
  'Learning objectives': 'Objetivos de aprendizaje',
  'Participants can…': 'Las personas participantes pueden…',
  'Slide {n}': 'Diapositiva {n}',
  'activity': 'actividad',
  'Before the day: materials, room set-up in person and online, how participants reach the boards, helpers, pre-work, what to print.': 'Antes del día: materiales, preparación de la sala presencial y en línea, cómo llegan las personas participantes a los tableros, ayudantes, trabajo previo, qué imprimir.',
  // The notes' variant headings (src/content/notes.ts VARIANT_LABELS) not already in phrases.ts.
  'Without live mode': 'Sin modo en vivo',
  'Same community': 'Misma comunidad',
  // The cohort's line on the guide's first page (src/handouts/export.ts).
  'Facilitators: {names}': 'Facilitación: {names}',
}
