// A counted entry a phone gives a row of a board (a vote for an idea, an upvote for a question):
// which rows this phone has given one, and one press to give it or take it back, never sent twice
// while one is on its way. The server counts them (the phone form's `refers` and `onePer`).
import { computed } from 'vue'
import type { LiveSession } from './connection'

/** `list` holds the entries; `field` names the row each is for. */
export function useCountedEntries(live: LiveSession, list: string, field: string) {
  /** Row id -> this phone's entry for it (its own id, to take it back). */
  const given = computed(() => new Map((live.boardMine.value.lists[list] ?? []).filter(e => e.row).map(e => [String(e.row![field]), e.id])))
  /** Rows whose entry is on its way: pressed once, not sent twice. */
  const sending = computed(() => new Set(live.outbox.value.filter(o => o.body.list === list).map(o => String((o.body.row as Record<string, unknown> | undefined)?.[field] ?? ''))))
  function toggle(row: string): void {
    const own = given.value.get(row)
    if (own)
      live.contribute({ op: 'withdraw', list, id: own })
    else if (!sending.value.has(row))
      live.contribute({ op: 'add', list, row: { id: live.newId(), [field]: row } })
  }
  return { given, toggle }
}
