// The join page (Chromium, a 390 px phone) against a real live server: the presenter's current
// activity shows as "Step 2 of 4: Owner 1 · 2:31 left" and counts down on the phone; a phone
// the session refuses (joining closed) says why.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { admissionMaps } from '../../src/live/admission'
import { activityMessage } from '../../src/live/client'
import { buildJoinPage } from '../../src/live/join-build'
import { Facilitator, waitFor } from '../support/live-clients'
import { ACTIVITY_MAP } from '../../src/live/protocol'
import { type LiveServer, startLiveServer } from '../../src/live/server'

const TOKEN = 'join-activity-facilitator-token-012345'
const STEPS = [{ title: 'Alone', seconds: 120 }, { title: 'Owner 1', seconds: 180 }, { title: 'Owner 2', seconds: 180 }, { title: 'Debrief', seconds: 60 }]

let dir: string
let server: LiveServer
let boss: Facilitator
let browser: Browser

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-join-activity-'))
  const joinDir = join(dir, 'join')
  await buildJoinPage(joinDir)
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Activity', host: '127.0.0.1', port: 0, joinDir })
  boss = new Facilitator(server.wsUrl, TOKEN)
  await boss.ready()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  boss?.destroy()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await page.goto(`${server.url}/`)
  return page
}

const setActivity = (startedAt: number | null, elapsedBefore: number) => boss.controlDoc.transact(() => {
  boss.controlDoc.getMap(ACTIVITY_MAP).set('now', activityMessage('m3-consult', STEPS, { startedAt, elapsedBefore }))
})

describe('the join page', () => {
  it('shows the current step and its time left, counting down, paused when paused', async () => {
    const page = await phone()
    await page.getByTestId('status').filter({ hasText: 'Connected' }).waitFor()
    expect(await page.getByTestId('activity-step').count()).toBe(0)
    // Paused 2:29 into the activity: step 2, 2:31 left.
    setActivity(null, 149_000)
    const step = page.getByTestId('activity-step')
    await step.filter({ hasText: 'Step 2 of 4: Owner 1 · 2:31 left (paused)' }).waitFor()
    // Running (started now, on the server's clock): it counts down by itself.
    setActivity(Date.now(), 149_000)
    await step.filter({ hasText: /^Step 2 of 4: Owner 1 · 2:(31|30|29) left$/ }).waitFor()
    await step.filter({ hasText: /^Step 2 of 4: Owner 1 · 2:2\d left$/ }).waitFor({ timeout: 10_000 })
    // The next step, then none on the slide.
    setActivity(Date.now(), 300_000)
    await step.filter({ hasText: /^Step 3 of 4: Owner 2 · 3:00 left$|^Step 3 of 4: Owner 2 · 2:59 left$/ }).waitFor()
    boss.controlDoc.transact(() => boss.controlDoc.getMap(ACTIVITY_MAP).delete('now'))
    await step.waitFor({ state: 'detached' })
    await page.context().close()
  })

  it('says why when the session refuses it: joining is closed', async () => {
    const admission = await boss.admission()
    admission.transact(() => admissionMaps(admission).settings.set('joining', 'closed'))
    const { provider } = await boss.board('\u0000admission')
    await waitFor(() => !provider.hasUnsyncedChanges, 5000, 'joining closed')
    const page = await phone()
    await page.getByTestId('refused').filter({ hasText: 'Joining is closed' }).waitFor()
    await page.context().close()
    admission.transact(() => admissionMaps(admission).settings.set('joining', 'open'))
  })
})
