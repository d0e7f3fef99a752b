// A countdown for an activity, shared by every view of the same browser: the projected
// slides and the presenter view read one state from localStorage (VueUse keeps the tabs in
// step through storage events), so starting it on the laptop starts it on the projector.
import { useNow, useStorage } from '@vueuse/core'
import { computed } from 'vue'

interface TimerState {
  /** epoch ms when it was last started; null when not running */
  startedAt: number | null
  /** ms already run before the last start */
  elapsedBefore: number
  /** extra ms added with "+1 min" */
  extra: number
}

export function useActivityTimer(key: string, minutes: () => number) {
  const state = useStorage<TimerState>(`community-training/timer/${key}`, { startedAt: null, elapsedBefore: 0, extra: 0 }, undefined, { mergeDefaults: true })
  const now = useNow({ interval: 250 })
  const totalMs = computed(() => minutes() * 60_000 + state.value.extra)
  const elapsedMs = computed(() => state.value.elapsedBefore + (state.value.startedAt ? Math.max(0, now.value.getTime() - state.value.startedAt) : 0))
  const remainingMs = computed(() => Math.max(0, totalMs.value - elapsedMs.value))
  const running = computed(() => state.value.startedAt !== null && remainingMs.value > 0)
  const started = computed(() => state.value.startedAt !== null || state.value.elapsedBefore > 0)
  const finished = computed(() => started.value && remainingMs.value === 0)

  return {
    totalMs,
    elapsedMs,
    remainingMs,
    running,
    started,
    finished,
    start: () => { if (!running.value && !finished.value) state.value = { ...state.value, startedAt: Date.now() } },
    pause: () => {
      if (state.value.startedAt !== null)
        state.value = { ...state.value, startedAt: null, elapsedBefore: elapsedMs.value }
    },
    reset: () => { state.value = { startedAt: null, elapsedBefore: 0, extra: 0 } },
    addMinute: () => { state.value = { ...state.value, extra: state.value.extra + 60_000 } },
  }
}
