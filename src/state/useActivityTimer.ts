// A countdown for an activity, shared by every view of the same browser: the projected
// slides and the presenter view read one state from localStorage (VueUse keeps the tabs in
// step through storage events), so starting it on the laptop starts it on the projector.
import { useNow, useStorage } from '@vueuse/core'
import { computed, effectScope } from 'vue'

interface TimerState {
  /** epoch ms when it was last started; null when not running */
  startedAt: number | null
  /** ms already run before the last start */
  elapsedBefore: number
  /** extra ms added with "+1 min" */
  extra: number
}

/** The timer's stored state itself (the live session sends it to phones). */
export function activityTimerState(key: string) {
  return timerState(key)
}

function timerState(key: string) {
  return useStorage<TimerState>(`community-training/timer/${key}`, { startedAt: null, elapsedBefore: 0, extra: 0 }, undefined, { mergeDefaults: true })
}

export function useActivityTimer(key: string, minutes: () => number) {
  const state = timerState(key)
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
    /** Jumps to `ms` into the activity (the start of a step) and keeps it running. */
    seek: (ms: number) => { state.value = { ...state.value, startedAt: Date.now(), elapsedBefore: Math.max(0, ms) } },
  }
}

const controls = new Map<string, ReturnType<typeof makeControls>>()

function makeControls(key: string) {
  const state = effectScope(true).run(() => timerState(key))!
  const elapsed = () => state.value.elapsedBefore + (state.value.startedAt ? Math.max(0, Date.now() - state.value.startedAt) : 0)
  return {
    /** Starts the activity's timer, or pauses it when it runs. */
    toggle: () => {
      state.value = state.value.startedAt === null
        ? { ...state.value, startedAt: Date.now() }
        : { ...state.value, startedAt: null, elapsedBefore: elapsed() }
    },
    /** Moves to the start of the step after the one running now (step lengths in seconds), and runs. */
    nextStep: (steps: readonly { seconds: number }[]) => {
      const now = elapsed() / 1000
      let end = 0
      for (const step of steps) {
        end += step.seconds
        if (now < end - 0.5) {
          state.value = { ...state.value, startedAt: Date.now(), elapsedBefore: end * 1000 }
          return
        }
      }
    },
  }
}

/**
 * The timer of an activity as keyboard shortcuts use it, outside any component: the same
 * stored state as the slide's timer, so the projector follows a key pressed in the presenter view.
 */
export function activityTimerControls(key: string) {
  let c = controls.get(key)
  if (!c)
    controls.set(key, c = makeControls(key))
  return c
}
