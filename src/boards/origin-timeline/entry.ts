// The origin timeline: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { phrases } from './i18n'
import { EVENT_FIELDS, originTimeline } from './model'

export const entry = defineBoard({
  component: 'OriginTimeline',
  def: originTimeline,
  defaultId: 'm1-board-origin-timeline',
  worksheet: { list: { fields: EVENT_FIELDS, listKey: 'events' } },
  phone: { lists: [{ key: 'events', label: 'Events', title: 'title', fields: EVENT_FIELDS }] },
  phrases,
  individual: true,
  samples: {
    phone: { list: 'events', title: 'title', row: { date: '2020-01', title: 'Founded <b>at the library</b>', type: 'founding', actors: ['Ana', 'Luis'], whyItMattered: '' }, invalid: { title: 'x'.repeat(81) }, says: /What happened: write 1 to 80 characters/ },
    rows: { events: [{ id: 'e1', date: '2020-01', title: 'Qz founded', type: 'founding', actors: ['Qz Ana'], whyItMattered: 'Qz it began' }] },
    form: { fill: { title: 'Founded <b>x</b>', date: '2019-03', type: 'founding' }, shows: /founding 1[\s\S]*milestone 0[\s\S]*challenge 0[\s\S]*pivot 0[\s\S]*2019-03 · founding/ },
  },
})
