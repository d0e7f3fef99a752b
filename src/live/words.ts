// What the server tells a phone, in the session's language. Messages are English templates
// with {placeholders}; Spanish is looked up by the English text, as the boards' phrasebook does.
export const ES: Record<string, string> = {
  'This idea is no longer on the board.': 'Esta idea ya no está en el tablero.',
  'You have used all your {n} votes. Take one back to vote for another idea.': 'Has usado tus {n} votos. Retira uno para votar otra idea.',
  'You can change only your own ideas.': 'Solo puedes cambiar tus propias ideas.',
  'This idea is no longer on the board (the facilitator removed it).': 'Esta idea ya no está en el tablero (la persona facilitadora la quitó).',
  'The facilitator has hidden this idea; it cannot be changed.': 'La persona facilitadora ha ocultado esta idea; no se puede cambiar.',
  'You have added {n} ideas, the most one person can add here. Edit or withdraw one to add another.': 'Has añadido {n} ideas, el máximo por persona aquí. Edita o retira una para añadir otra.',
  'The board is full ({n} ideas). Vote for an idea that is already there.': 'El tablero está lleno ({n} ideas). Vota una idea que ya esté.',
  'Too many changes at once: wait {n} s and it is sent again.': 'Demasiados cambios seguidos: espera {n} s y se enviará de nuevo.',
  'This board does not take contributions from phones.': 'Este tablero no recibe aportaciones desde el celular.',
  'The facilitator has locked this board: time is up.': 'La persona facilitadora ha cerrado este tablero: se acabó el tiempo.',
  'You can change only your own entries.': 'Solo puedes cambiar tus propias entradas.',
  'This entry is no longer on the board.': 'Esta entrada ya no está en el tablero.',
  'The facilitator has hidden this entry; it cannot be changed.': 'La persona facilitadora ha ocultado esta entrada; no se puede cambiar.',
  'You have added {n} entries, the most one person can add here.': 'Has añadido {n} entradas, el máximo por persona aquí.',
  'The board is full ({n} entries).': 'El tablero está lleno ({n} entradas).',
  'Not saved, try again: the session cannot store contributions right now. It is sent again in {n} s.': 'No se ha guardado, inténtalo de nuevo: la sesión no puede guardar aportaciones ahora. Se enviará de nuevo en {n} s.',
  'An idea needs some words.': 'Una idea necesita alguna palabra.',
  'An idea is at most 140 characters.': 'Una idea tiene como máximo 140 caracteres.',
  'A name is at most 40 characters.': 'Un nombre tiene como máximo 40 caracteres.',
  'This board was saved by another version of the kit; it cannot take contributions.': 'Este tablero se guardó con otra versión del kit; no puede recibir aportaciones.',
  'This role is no longer on the board.': 'Este rol ya no está en el tablero.',
  'An entry needs an id of 1-64 letters, digits, - or _.': 'Una entrada necesita un identificador de 1 a 64 letras, cifras, - o _.',
  '{key} is not a field of this board.': '{key} no es un campo de este tablero.',
  '{label}: write 1 to {n} characters.': '{label}: escribe de 1 a {n} caracteres.',
  '{label}: at most {n} characters.': '{label}: como máximo {n} caracteres.',
  '{label}: choose one of the options.': '{label}: elige una de las opciones.',
  '{label}: choose one of the options, or leave it empty.': '{label}: elige una de las opciones o déjalo vacío.',
  '{label}: choose from the options.': '{label}: elige entre las opciones.',
  '{label}: a whole number from {min} to {max}.': '{label}: un número entero de {min} a {max}.',
  '{label}: at most {items} items, each at most {n} characters.': '{label}: como máximo {items} elementos, de {n} caracteres como máximo cada uno.',
  '{label}: a month as YYYY-MM, or empty.': '{label}: un mes como AAAA-MM, o vacío.',
  '{label}: a date as YYYY-MM-DD, or empty.': '{label}: una fecha como AAAA-MM-DD, o vacía.',
  // The phone forms' headings and labels that the boards' phrasebook does not have.
  'Events': 'Acontecimientos',
  'Entries': 'Entradas',
  'Stakeholders': 'Partes interesadas',
  'Activities': 'Actividades',
  'Personas': 'Personas tipo',
  'Exchanges': 'Intercambios',
  'Information items': 'Elementos de información',
  'Proposals for the charter': 'Propuestas para la carta',
  'Section': 'Sección',
  'Your proposal': 'Tu propuesta',
  'Your letters for each role': 'Tus letras para cada rol',
  'Mission: with whom': 'Misión: con quién',
  'Mission: we do what': 'Misión: qué hacemos',
  'Mission: for whom': 'Misión: para quién',
  'Mission: so that what changes': 'Misión: para que cambie qué',
  'Conduct: report to': 'Conducta: a quién avisar',
  'Conduct: who responds': 'Conducta: quién responde',
}

export function say(language: string | undefined, template: string, params: Record<string, string | number> = {}): string {
  const text = language === 'es' ? (ES[template] ?? template) : template
  return text.replace(/\{(\w+)\}/g, (all, key: string) => (key in params ? String(params[key]) : all))
}

/** Validation messages, line by line (a line is `path: message` or just the message). */
export function sayLines(language: string | undefined, text: string): string {
  return text.split('\n').map(line => line.replace(/^((?:[\w.]+: )?)(.*)$/, (_, path: string, message: string) => path + say(language, message))).join('\n')
}
