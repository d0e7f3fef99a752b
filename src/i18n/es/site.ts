// Spanish for the built site's landing page (src/site/landing.ts), keyed by the English text.
// The page speaks to the facilitator: usted.
import { LICENCE_HTML_TEXT, LICENCE_NOTICES } from '../../content/licence'

export const SITE_ES: Record<string, string> = {
  'Module {n}:': 'Módulo {n}:',
  'Session:': 'Sesión:',
  '{n} minute': '{n} minuto',
  '{n} slide': '{n} diapositiva',
  '{n} slides': '{n} diapositivas',
  'presenter view': 'vista de presentación',
  'Handouts:': 'Materiales:',
  'Slides (PDF)': 'Diapositivas (PDF)',
  'Worksheets (PDF)': 'Hojas de trabajo (PDF)',
  'Facilitator guide (PDF)': 'Guía de facilitación (PDF)',
  'Participants can…': 'Las personas participantes podrán…',
  'Agenda': 'Agenda',
  'Facilitators:': 'Personas facilitadoras:',
  '{n} deck': '{n} presentación',
  '{n} decks': '{n} presentaciones',
  '{n} minute of facilitated sessions': '{n} minuto de sesiones facilitadas',
  '{n} minutes of facilitated sessions': '{n} minutos de sesiones facilitadas',
  'Open a deck to present it; press {key} for the slide overview, or open the presenter view for notes and timings.': 'Abra una presentación para proyectarla; pulse {key} para ver todas las diapositivas, o abra la vista de presentación para ver las notas y los tiempos.',
  [LICENCE_HTML_TEXT]: 'Contenido: {content}; texto adaptado de Liberating Structures, señalado donde se usa: {shareAlike}; código: {code}. Los marcos se citan en las diapositivas donde se usan y en la diapositiva de referencias de cada presentación. {notices}.',
  [LICENCE_NOTICES]: 'Licencias y avisos de terceros',
}
