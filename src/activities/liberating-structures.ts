// ShareAlike text, kept apart on purpose.
//
// The step text in this file is adapted from Liberating Structures (Henri Lipmanowicz and Keith
// McCandless; the Liberating Structures Fieldbook by Keith McCandless and Nancy White is the
// credit their licence page asks for: liberatingstructures.com/cc-license, read 7 December 2026),
// licensed under CC BY-SA 4.0
// (https://creativecommons.org/licenses/by-sa/4.0/). Unlike the rest of the kit (code MIT,
// content CC BY 4.0), this text and any adaptation of it must be shared under CC BY-SA 4.0.
// Keep Liberating Structures wording here and nowhere else in the code, so the licence
// boundary stays visible.
import type { Structure } from './structures'

export const LS_LICENCE = 'CC BY-SA 4.0'
export const LS_CREDIT = `Adapted from Liberating Structures by Henri Lipmanowicz and Keith McCandless (Liberating Structures Fieldbook (2026), Keith McCandless and Nancy White; liberatingstructures.com), ${LS_LICENCE} (creativecommons.org/licenses/by-sa/4.0); this step text is shared under the same licence`

export const ONE_TWO_FOUR_ALL: Structure = {
  name: '1-2-4-All',
  credit: LS_CREDIT,
  shareAlike: true,
  steps: [
    { title: '1: alone', detail: 'Think in silence and write down your ideas.', minutes: 1 },
    { title: '2: in pairs', detail: 'Generate ideas together, building on each other\'s.', minutes: 2 },
    { title: '4: in fours', detail: 'Two pairs join: share and develop ideas; notice similarities and differences.', minutes: 4 },
    { title: 'All: the room', detail: 'Each group shares one idea that stood out.', minutes: 5 },
  ],
}

/** The same steps in Spanish: an adaptation, so CC BY-SA 4.0 too. */
export const LS_PHRASEBOOK_ES: Record<string, string> = {
  '1-2-4-All': '1-2-4-Todos',
  [LS_CREDIT]: `Adaptado de Liberating Structures, de Henri Lipmanowicz y Keith McCandless (Liberating Structures Fieldbook (2026), Keith McCandless y Nancy White; liberatingstructures.com), ${LS_LICENCE} (creativecommons.org/licenses/by-sa/4.0); este texto de los pasos se comparte bajo la misma licencia`,
  '1: alone': '1: a solas',
  'Think in silence and write down your ideas.': 'Piensen en silencio y anoten sus ideas.',
  '2: in pairs': '2: en parejas',
  'Generate ideas together, building on each other\'s.': 'Generen ideas juntos, construyendo sobre las de la otra persona.',
  '4: in fours': '4: en grupos de cuatro',
  'Two pairs join: share and develop ideas; notice similarities and differences.': 'Se juntan dos parejas: compartan y desarrollen ideas; observen parecidos y diferencias.',
  'All: the room': 'Todos: la sala',
  'Each group shares one idea that stood out.': 'Cada grupo comparte una idea que le llamó la atención.',
}
