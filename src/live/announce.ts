// A timed activity's announcement to the phones (components/ActivityClock.vue): what they are
// told and when. Apart from src/live/client.ts (which re-exports it and does the sending), so
// that the activity layout, on many slides, does not put Yjs and the Hocuspocus provider in a
// deck's first load; the client is loaded only in a live session.
import { onScopeDispose, watch } from 'vue'
import { useSlidePlace } from '../slidev/context'
import { liveConfig } from './config'
import type { CurrentActivity } from './protocol'

/** The timer state ActivityClock keeps (useActivityTimer's localStorage value). */
export interface TimerState { startedAt: number | null, elapsedBefore: number, extra?: number }

/** What phones are told of the current slide's activity: its steps and where its timer stands. */
export function activityMessage(slide: string, steps: readonly { title: string, seconds: number }[], timer: TimerState): CurrentActivity {
  return {
    slide,
    steps: steps.map(s => ({ title: s.title, seconds: s.seconds })),
    startedAt: timer.startedAt,
    elapsedBefore: Math.max(0, Math.round(timer.elapsedBefore)),
    running: timer.startedAt !== null,
  }
}

/** The pages whose activity clock announces (the others clear the phones' activity). */
export const activitiesOnPages = new Set<number>()

/**
 * Called by the activity clock of a timed slide: while its slide is the presenter's current
 * slide, phones show its step and time left, sent again whenever the timer changes (start, pause,
 * next step). Only the presenter view and the projected slides steer.
 */
export function useAnnounceActivity(activity: () => CurrentActivity | undefined): void {
  const config = liveConfig()
  const { page, renderContext, isCurrent } = useSlidePlace()
  if (!config || !page || !['slide', 'presenter'].includes(renderContext.value))
    return
  activitiesOnPages.add(page.value)
  const stop = watch(() => (isCurrent.value ? activity() : null), (now) => {
    if (now !== null)
      void import('./client').then(client => client.setCurrentActivity(now, config))
  }, { immediate: true, deep: true })
  onScopeDispose(stop)
}

