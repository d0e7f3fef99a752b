// Whether a board shows the facilitator's controls where it is drawn. In a live session the
// projected slide shows the room only what it needs (the board, a lock notice, the count joined):
// no toolbar, no tally buttons, no "Answered" toggles. The facilitator works the board from the
// presenter view, beside the moderation panel. Outside a live session the slide is the
// facilitator's own board and keeps every control.
import { computed, type ComputedRef } from 'vue'
import { useRenderContext } from '../slidev/context'

export function useRoomControls(live: { enabled: boolean }): ComputedRef<boolean> {
  const context = useRenderContext()
  return computed(() => !live.enabled || !(context.value === 'slide' || context.value === 'none'))
}
