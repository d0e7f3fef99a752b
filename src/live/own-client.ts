// The facilitator's side of everyone's own board (src/live/own-boards.ts): the room's progress on
// an individual board, from `progress/<id>` (which only the facilitator's connections open), and
// the one participant's board to show on the projector, which the server fills only while that
// participant agrees on their phone. Inert outside a live session.
import { computed, onScopeDispose, shallowRef } from 'vue'
import { openFacilitatorDoc } from './client'
import { type OwnProgress, type OwnShown, progressDocName } from './protocol'

export interface PersonProgress extends OwnProgress { id: string }

export function useOwnProgress(boardId: string, enabled = true) {
  const people = shallowRef<PersonProgress[]>([])
  const shown = shallowRef<OwnShown | undefined>()
  const asked = shallowRef('')
  /**
   * the facilitator's choice (`show` map, key `room`): the room's board (true) or the progress
   * (false) on the projector; undefined until they choose
   */
  const room = shallowRef<boolean | undefined>()
  const open = enabled ? openFacilitatorDoc(progressDocName(boardId)) : undefined
  if (open) {
    const { doc } = open
    const read = () => {
      const list: PersonProgress[] = []
      for (const [id, raw] of doc.getMap<unknown>('people').entries()) {
        try {
          const p = JSON.parse(String(raw)) as OwnProgress
          list.push({ id, name: String(p.name ?? ''), n: Number(p.n) || 0, rows: Number(p.rows) || 0, at: Number(p.at) || 0, consent: p.consent === true })
        }
        catch {}
      }
      people.value = list.sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : 1))
      const choice = doc.getMap<unknown>('show').get('room')
      room.value = typeof choice === 'boolean' ? choice : undefined
      const s = doc.getMap<unknown>('shown')
      asked.value = String(s.get('asked') ?? '')
      try {
        const board = String(s.get('board') ?? '')
        shown.value = board ? JSON.parse(board) as OwnShown : undefined
      }
      catch {
        shown.value = undefined
      }
    }
    doc.on('update', read)
    read()
    onScopeDispose(() => open.destroy())
  }
  return {
    enabled: !!open,
    people,
    started: computed(() => people.value.filter(p => p.rows > 0).length),
    /** the most entries anyone has: the scale of the bars */
    most: computed(() => Math.max(1, ...people.value.map(p => p.rows))),
    shown,
    asked,
    /** asks to show this participant's board (shown once they agree on their phone); '' stops */
    show: (participant: string) => open?.doc.getMap('show').set('participant', participant),
    room,
    /** projects the room's board (what was sent to it) in place of the progress, or the progress again */
    showRoom: (on: boolean) => open?.doc.getMap('show').set('room', on),
  }
}
