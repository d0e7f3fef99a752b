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
