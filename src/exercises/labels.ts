import { ES } from './phrasebook-es'

// Words the boards show around participant content: buttons, messages, headings.
// One dictionary per language; a cohort picks its language (English by default).
export const en = {
  undo: 'Undo',
  undone: 'Last change undone.',
  export: 'Export',
  exportJson: 'JSON (to re-import)',
  exportMarkdown: 'Markdown',
  exportCsv: 'CSV (spreadsheet)',
  importJson: 'Import JSON',
  imported: 'Imported. Undo brings back the board as it was.',
  importRefused: 'Import refused; the board is unchanged.',
  reset: 'Reset',
  resetConfirm: 'Remove everything on this board? Undo can bring it back in this session.',
  resetYes: 'Yes, reset the board',
  cancel: 'Cancel',
  resetDone: 'Board reset.',
  add: 'Add',
  save: 'Save',
  edit: 'Edit',
  remove: 'Remove',
  removed: 'Removed.',
  added: 'Added.',
  saved: 'Saved.',
  notSaved: 'Not saved:',
  empty: 'Nothing here yet.',
  loading: 'Loading saved work…',
  instructions: 'Instructions',
  worksheet: 'Worksheet',
  newEntry: 'New entry',
  editing: 'Editing',
  onePerLine: 'one per line',
  required: 'required',
} as const

export type Labels = { readonly [K in keyof typeof en]: string }

export const es: Labels = {
  undo: 'Deshacer',
  undone: 'Último cambio deshecho.',
  export: 'Exportar',
  exportJson: 'JSON (para volver a importar)',
  exportMarkdown: 'Markdown',
  exportCsv: 'CSV (hoja de cálculo)',
  importJson: 'Importar JSON',
  imported: 'Importado. «Deshacer» devuelve el tablero como estaba.',
  importRefused: 'Importación rechazada; el tablero no ha cambiado.',
  reset: 'Vaciar',
  resetConfirm: '¿Quitar todo de este tablero? «Deshacer» puede recuperarlo en esta sesión.',
  resetYes: 'Sí, vaciar el tablero',
  cancel: 'Cancelar',
  resetDone: 'Tablero vaciado.',
  add: 'Añadir',
  save: 'Guardar',
  edit: 'Editar',
  remove: 'Quitar',
  removed: 'Quitado.',
  added: 'Añadido.',
  saved: 'Guardado.',
  notSaved: 'No se ha guardado:',
  empty: 'Todavía no hay nada.',
  loading: 'Cargando el trabajo guardado…',
  instructions: 'Instrucciones',
  worksheet: 'Hoja de trabajo',
  newEntry: 'Nueva entrada',
  editing: 'Editando',
  onePerLine: 'uno por línea',
  required: 'obligatorio',
}

export const DICTIONARIES = { en, es } as const
export type Language = keyof typeof DICTIONARIES
export const LANGUAGES = Object.keys(DICTIONARIES) as Language[]

/** A board's own words (field names, choices, instructions) in the cohort's language. */
export function translate(text: string, language: string | undefined): string {
  return language === 'es' ? (ES[text] ?? text) : text
}

export function labelsFor(language: string | undefined): Labels {
  return DICTIONARIES[(language ?? 'en') as Language] ?? en
}
