// The current activity on the phones: what the facilitator's client sends (the slide's steps and
// its timer), where a phone makes it stand at a given time, and that it reaches a phone through
// a real server.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { activityMessage, liveConfig, setCurrentActivity } from '../../src/live/client'
import { Participant, until } from '../support/live-clients'
import { ACTIVITY_MAP, activityNow, type CurrentActivity } from '../../src/live/protocol'
import { startLiveServer } from '../../src/live/server'

const STEPS = [{ title: 'Alone', seconds: 120 }, { title: 'Owner 1', seconds: 180 }, { title: 'Owner 2', seconds: 180 }, { title: 'Debrief', seconds: 60 }]

describe('the activity message', () => {
  it('holds the steps and the timer as the laptop keeps it', () => {
    const running = activityMessage('m3-consult', STEPS, { startedAt: 1_000_000, elapsedBefore: 90_000.4, extra: 60_000 })
    expect(running).toEqual({ slide: 'm3-consult', steps: STEPS, startedAt: 1_000_000, elapsedBefore: 90_000, running: true })
    expect(JSON.parse(JSON.stringify(running))).toEqual(running)
    expect(activityMessage('m3-consult', STEPS, { startedAt: null, elapsedBefore: 0 })).toMatchObject({ startedAt: null, running: false })
  })

  it('stands at the step and time left the clock shows, running or paused', () => {
    // Started 1 s ago with 2:28 already run: step 2 (Owner 1) with 2:31 left.
    const a = activityMessage('s', STEPS, { startedAt: 1_000_000, elapsedBefore: 148_000 })
    expect(activityNow(a, 1_001_000)).toMatchObject({ index: 1, count: 4, title: 'Owner 1', left: 151, running: true, over: false })
    // Paused: the time left does not move.
    const paused = activityMessage('s', STEPS, { startedAt: null, elapsedBefore: 149_000 })
    expect(activityNow(paused, 9_999_999)).toMatchObject({ index: 1, left: 151, running: false, started: true })
    expect(activityNow(activityMessage('s', STEPS, { startedAt: null, elapsedBefore: 0 }), 0)).toMatchObject({ index: 0, started: false })
    expect(activityNow(a, 1_000_000 + 540_000)).toMatchObject({ index: 4, over: true })
  })

  it('reaches a phone through the live server when it changes, and goes when the slide has none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-live-activity-'))
    const token = 'activity-facilitator-token-0123456789ab'
    const server = await startLiveServer({ db: join(dir, 'live.sqlite'), token, title: 'Activity', host: '127.0.0.1', port: 0 })
    const phone = new Participant(server.wsUrl)
    try {
      await phone.ready()
      // The deck's client runs in a browser; here Node (20) needs a WebSocket.
      ;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket
      const config = liveConfig({ VITE_KIT_LIVE_URL: server.wsUrl, VITE_KIT_LIVE_TOKEN: token, VITE_KIT_LIVE_JOIN: server.url })!
      const seen = () => phone.controlDoc.getMap<unknown>(ACTIVITY_MAP).get('now') as CurrentActivity | undefined
      setCurrentActivity(activityMessage('m3-consult', STEPS, { startedAt: null, elapsedBefore: 0 }), config)
      await until(phone.controlDoc, () => seen()?.slide === 'm3-consult', 10_000, 'the activity on the phone')
      expect(seen()).toMatchObject({ steps: STEPS, running: false })
      setCurrentActivity(activityMessage('m3-consult', STEPS, { startedAt: 1234, elapsedBefore: 120_000 }), config)
      await until(phone.controlDoc, () => seen()?.running === true, 10_000, 'the timer started on the phone')
      expect(seen()).toMatchObject({ startedAt: 1234, elapsedBefore: 120_000 })
      setCurrentActivity(undefined, config)
      await until(phone.controlDoc, () => seen() === undefined, 10_000, 'the activity gone')
    }
    finally {
      phone.destroy()
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
