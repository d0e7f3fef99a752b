// ShareAlike text, kept apart on purpose.
//
// The step text in this file is adapted from Liberating Structures by Henri Lipmanowicz and
// Keith McCandless (liberatingstructures.com), licensed under CC BY-SA 4.0
// (https://creativecommons.org/licenses/by-sa/4.0/). Unlike the rest of the kit (code MIT,
// content CC BY 4.0), this text and any adaptation of it must be shared under CC BY-SA 4.0.
// Keep Liberating Structures wording here and nowhere else in the code, so the licence
// boundary stays visible.
import type { Structure } from './structures'

export const LS_LICENCE = 'CC BY-SA 4.0'
export const LS_CREDIT = `Liberating Structures (liberatingstructures.com), ${LS_LICENCE}; step text shared under ${LS_LICENCE}`

export const ONE_TWO_FOUR_ALL: Structure = {
  name: '1-2-4-All',
  credit: LS_CREDIT,
  shareAlike: true,
  steps: [
    { title: '1: alone', detail: 'Think in silence and write down your ideas.', minutes: 1 },
    { title: '2: in pairs', detail: 'Build on each other\'s ideas; note similarities and differences.', minutes: 2 },
    { title: '4: in fours', detail: 'Two pairs join: what stands out? Pick one idea to share.', minutes: 4 },
    { title: 'All: the room', detail: 'Each group shares one important idea with everyone.', minutes: 5 },
  ],
}

/** The same steps in Spanish: an adaptation, so CC BY-SA 4.0 too. */
export const LS_PHRASEBOOK_ES: Record<string, string> = {
  '1: alone': '1: a solas',
  'Think in silence and write down your ideas.': 'Piensa en silencio y anota tus ideas.',
  '2: in pairs': '2: en parejas',
  'Build on each other\'s ideas; note similarities and differences.': 'Construid sobre las ideas de la otra persona; anotad parecidos y diferencias.',
  '4: in fours': '4: en grupos de cuatro',
  'Two pairs join: what stands out? Pick one idea to share.': 'Se juntan dos parejas: ¿qué destaca? Elegid una idea para compartir.',
  'All: the room': 'Todos: la sala',
  'Each group shares one important idea with everyone.': 'Cada grupo comparte una idea importante con todo el mundo.',
}
