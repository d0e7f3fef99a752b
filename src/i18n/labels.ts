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
  importReplaceTitle: 'Replace the whole board?',
  importReplaceConfirm: 'Import JSON replaces everything on this board with the file',
  importReplaceWhat: 'What is there now and would be replaced:',
  importReplaceYes: 'Yes, replace it',
  undoImport: 'Undo the import',
  importUndone: 'Import undone: the board is as it was.',
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
  storageUnavailable: 'This browser is not saving the board (its storage is off or unavailable here). Export the board to keep your work.',
  storageFailed: 'Saving the board failed; the latest changes are only on this screen. Export the board to keep your work.',
  storageFull: 'The browser\'s storage is full: the latest changes are not saved. Export the board to keep your work.',
  storageCleared: 'The browser cleared its saved copy of this board while it was open. This tab has saved it again; export it to be safe.',
  exportNow: 'Export JSON now',
  unreadable: 'This saved board cannot be opened by this version of the kit. It is shown read-only and left as it is.',
  downloadRaw: 'Download the saved data (JSON)',
  problems: 'to check',
  orphans: 'cells refer to a role or activity that is no longer on the board:',
  clearOrphans: 'Clear them',
  close: 'Close',
  dismiss: 'Dismiss',
  pages: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  of: 'of',
  choose: 'Choose…',
  optional: 'optional',
  fixFields: 'Check the fields marked below; nothing is saved yet.',
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
  importReplaceTitle: '¿Reemplazar todo el tablero?',
  importReplaceConfirm: '«Importar JSON» reemplaza todo lo que hay en este tablero por el archivo',
  importReplaceWhat: 'Lo que hay ahora y se reemplazaría:',
  importReplaceYes: 'Sí, reemplazarlo',
  undoImport: 'Deshacer la importación',
  importUndone: 'Importación deshecha: el tablero está como estaba.',
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
  storageUnavailable: 'Este navegador no está guardando el tablero (su almacenamiento está desactivado o no disponible). Exporte el tablero para conservar su trabajo.',
  storageFailed: 'No se ha podido guardar el tablero; los últimos cambios solo están en esta pantalla. Exporte el tablero para conservar su trabajo.',
  storageFull: 'El almacenamiento del navegador está lleno: los últimos cambios no se han guardado. Exporte el tablero para conservar su trabajo.',
  storageCleared: 'El navegador borró su copia guardada de este tablero mientras estaba abierto. Esta pestaña la ha guardado de nuevo; expórtala por seguridad.',
  exportNow: 'Exportar JSON ahora',
  unreadable: 'Esta versión del kit no puede abrir este tablero guardado. Se muestra en modo de solo lectura y no se modifica.',
  downloadRaw: 'Descargar los datos guardados (JSON)',
  problems: 'por revisar',
  orphans: 'celdas se refieren a un rol o actividad que ya no está en el tablero:',
  clearOrphans: 'Quitarlas',
  close: 'Cerrar',
  dismiss: 'Descartar',
  pages: 'Páginas',
  previousPage: 'Página anterior',
  nextPage: 'Página siguiente',
  of: 'de',
  choose: 'Elija…',
  optional: 'opcional',
  fixFields: 'Revise los campos marcados abajo; todavía no se ha guardado nada.',
}

export const DICTIONARIES = { en, es } as const
export type Language = keyof typeof DICTIONARIES
export const LANGUAGES = Object.keys(DICTIONARIES) as Language[]

/**
 * The kit's own words (board fields, choices, instructions, slide chrome, worksheets) in the
 * cohort's language, English when the phrasebook lacks them; `{n}` in the text becomes `n`.
 */
export function translate(text: string, language: string | undefined, n?: number): string {
  const found = language === 'es' ? (ES[text] ?? text) : text
  return n === undefined ? found : found.replace('{n}', String(n))
}

/**
 * A counted noun in the cohort's language, chosen by the language's plural rules
 * (Intl.PluralRules): `count(1, '{n} vote', '{n} votes', 'en')` is "1 vote", never "1 votes".
 * Both forms are catalogue keys, translated like any other text.
 */
export function count(n: number, one: string, other: string, language: string | undefined): string {
  const rule = new Intl.PluralRules(language ?? 'en').select(n)
  return translate(rule === 'one' ? one : other, language, n)
}

export function labelsFor(language: string | undefined): Labels {
  return DICTIONARIES[(language ?? 'en') as Language] ?? en
}
