// What the room's screen shows besides the slide: blank (the B and . keys, as presentation
// software and clickers expect) or the slide. Shared by every window of the same browser, as
// the activity timers are: pressing B in the presenter view blanks the projector's window.
// A blank older than a few hours is forgotten, so a projector never opens black the next day.
import { useNow, useStorage } from '@vueuse/core'
import { computed } from 'vue'

const FORGET_AFTER_MS = 3 * 60 * 60_000

interface ScreenState { blank: boolean, at: number }

let shared: ReturnType<typeof create> | undefined

function create() {
  const state = useStorage<ScreenState>('community-training/room-screen', { blank: false, at: 0 }, undefined, { mergeDefaults: true })
  const now = useNow({ interval: 60_000 })
  const blank = computed(() => state.value.blank && now.value.getTime() - state.value.at < FORGET_AFTER_MS)
  return {
    blank,
    toggleBlank: () => { state.value = { blank: !blank.value, at: Date.now() } },
    showSlide: () => { state.value = { blank: false, at: Date.now() } },
  }
}

/** The room screen's state; one instance for the window (created on first use, never disposed). */
export function useRoomScreen() {
  shared ??= create()
  return shared
}
