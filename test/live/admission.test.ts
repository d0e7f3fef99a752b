// One device minting participant secrets must not fill a board or rig a vote, and a room of 200
// behind one address must still get in: the session admits new participants at a bounded rate
// and up to a bounded number (per session, never per address), newcomers' first contributions are
// rate-limited more tightly, and the facilitator can close joining, remove everything one
// participant sent, and block a participant, each in one write to the admission document.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { admissionMaps, REFUSED_BLOCKED, REFUSED_CLOSED } from '../../src/live/admission'
import { Facilitator, Participant, until, waitFor, voteFor } from '../support/live-clients'
import { randomId } from '../../src/live/protocol'
import { DEFAULT_LIMITS, type LiveLimits, type LiveServer, participantIdOf, startLiveServer } from '../../src/live/server'

const TOKEN = 'admission-facilitator-token-0123456789ab'
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse())
    await c()
})

async function serve(limits?: Partial<LiveLimits>, dir = mkdtempSync(join(tmpdir(), 'kit-live-admission-'))) {
  const server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Admission', host: '127.0.0.1', port: 0, limits })
  const boss = new Facilitator(server.wsUrl, TOKEN)
  await boss.ready()
  let stopped = false
  const stop = async () => {
    if (stopped)
      return
    stopped = true
    boss.destroy()
    await server.stop()
  }
  cleanups.push(async () => {
    await stop()
    rmSync(dir, { recursive: true, force: true })
  })
  return { server, boss, dir, stop }
}

/** A phone with a fresh secret: resolves 'in' once admitted, or with the refusal it was given. */
function join1(server: LiveServer, secret = randomId(18)): { phone: Participant, outcome: Promise<string> } {
  const phone = new Participant(server.wsUrl, secret)
  cleanups.push(() => phone.destroy())
  const outcome = new Promise<string>((resolve) => {
    phone.control.on('synced', () => resolve('in'))
    phone.control.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason))
  })
  return { phone, outcome }
}

/** Waits until the server has acknowledged the facilitator's writes to the admission document. */
async function saved(boss: Facilitator) {
  const { provider } = await boss.board('\u0000admission')
  await waitFor(() => !provider.hasUnsyncedChanges, 5000, 'the admission document saved')
}

// The ideas on the board's own document (the core's layout), not the phones' projection.
const boardIdeasOf = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('rows:ideas').values()].map(r => r.toJSON() as Record<string, any>)

describe('admission', () => {
  it('admits a minting device\'s new secrets at the join rate and up to the cap, then refuses them', async () => {
    const { server, boss } = await serve({ joinBurst: 5, joinsPerSecond: 4, participants: 12 })
    const started = Date.now()
    const admittedAt: number[] = []
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => join1(server).outcome.then((o) => {
      if (o === 'in')
        admittedAt.push(Date.now() - started)
      return o
    })))
    expect(outcomes.filter(o => o === 'in')).toHaveLength(12)
    expect(outcomes.filter(o => o !== 'in').every(o => /all the participants it admits \(12\)/.test(o))).toBe(true)
    // 5 at once, then 4 a second: the last of the 12 waited at least (12 - 5) / 4 s.
    admittedAt.sort((a, b) => a - b)
    expect(admittedAt[11]).toBeGreaterThanOrEqual(1500)
    const admission = await boss.admission()
    await until(admission, () => admissionMaps(admission).participants.size === 12)
    // A phone already admitted is never held back again (a reconnect storm after a restart).
    const known = [...admissionMaps(admission).participants.keys()]
    expect(known).toHaveLength(12)
  }, 30_000)

  it('never holds back a participant it admitted before, even after a restart', async () => {
    const first = await serve({ joinBurst: 3, joinsPerSecond: 0.01 })
    const secrets = [randomId(18), randomId(18), randomId(18)]
    expect(await Promise.all(secrets.map(secret => join1(first.server, secret).outcome))).toEqual(['in', 'in', 'in'])
    // The bucket is empty and refills in 100 s: a new secret would wait too long.
    expect(await join1(first.server).outcome).toMatch(/Many phones are joining at once/)
    await first.stop()
    const again = await serve({ joinBurst: 1, joinsPerSecond: 0.01 }, first.dir)
    // The three come back at once without spending the single token; one new phone takes it.
    expect(await Promise.all(secrets.map(secret => join1(again.server, secret).outcome))).toEqual(['in', 'in', 'in'])
    expect(await join1(again.server).outcome).toBe('in')
    expect(await join1(again.server).outcome).toMatch(/Many phones are joining at once/)
  })

  it('admits a room of 200 behind one address at the stock limits', async () => {
    const { server, boss } = await serve()
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => join1(server).outcome))
    expect(outcomes.filter(o => o !== 'in')).toEqual([])
    await waitFor(() => boss.joined === 200, 20_000, '200 joined')
  }, 60_000)

  it('limits a new participant\'s first contributions more tightly than an established one\'s', async () => {
    const { server, boss } = await serve()
    boss.show('ideas', 'idea-vote', 'Ideas')
    // An established participant: admitted two minutes ago.
    const oldSecret = randomId(18)
    const admission = await boss.admission()
    admission.transact(() => admissionMaps(admission).participants.set(participantIdOf(oldSecret), Date.now() - 120_000))
    const old = join1(server, oldSecret)
    const fresh = join1(server)
    expect(await old.outcome).toBe('in')
    expect(await fresh.outcome).toBe('in')
    await until(fresh.phone.controlDoc, () => fresh.phone.controlDoc.getMap('current').get('boardId') === 'ideas')
    const send = (p: Participant, n: number) => Promise.all(Array.from({ length: n }, (_, i) => p.contribute('ideas', { op: 'add', list: 'ideas', row: { id: randomId(8), text: `idea ${i}` } })))
    const freshResults = await send(fresh.phone, 8)
    expect(freshResults.filter(r => r.ok)).toHaveLength(DEFAULT_LIMITS.newcomerBurst)
    expect(freshResults.filter(r => !r.ok).every(r => !r.ok && r.code === 'rate')).toBe(true)
    const oldResults = await send(old.phone, 8)
    expect(oldResults.filter(r => r.ok)).toHaveLength(8)
  })
})

describe('the facilitator', () => {
  it('closes joining: phones already in keep working, new ones are told joining is closed', async () => {
    const { server, boss } = await serve()
    boss.show('ideas', 'idea-vote', 'Ideas')
    const inside = join1(server)
    expect(await inside.outcome).toBe('in')
    const admission = await boss.admission()
    admission.transact(() => admissionMaps(admission).settings.set('joining', 'closed'))
    await saved(boss)
    const late = join1(server)
    expect(await late.outcome).toBe(REFUSED_CLOSED)
    await until(inside.phone.controlDoc, () => inside.phone.controlDoc.getMap('current').get('boardId') === 'ideas')
    expect(await inside.phone.contribute('ideas', { op: 'add', list: 'ideas', row: { id: 'in-1', text: 'Still here' } })).toMatchObject({ ok: true })
    // Opened again, new phones get in.
    admission.transact(() => admissionMaps(admission).settings.set('joining', 'open'))
    await saved(boss)
    const next = join1(server)
    expect(await next.outcome).toBe('in')
  })

  it('removes everything one participant sent, on every board, in one action', async () => {
    const { server, boss } = await serve()
    boss.show('one', 'idea-vote', 'One')
    boss.show('two', 'idea-vote', 'Two')
    const spammer = join1(server)
    const other = join1(server)
    await Promise.all([spammer.outcome, other.outcome])
    await until(other.phone.controlDoc, () => other.phone.controlDoc.getMap('current').get('boardId') === 'two')
    expect(await spammer.phone.contribute('one', { op: 'add', list: 'ideas', row: { id: 's1', text: 'Spam one' } })).toMatchObject({ ok: true })
    expect(await spammer.phone.contribute('two', { op: 'add', list: 'ideas', row: { id: 's2', text: 'Spam two' } })).toMatchObject({ ok: true })
    expect(await other.phone.contribute('two', { op: 'add', list: 'ideas', row: { id: 'o1', text: 'A real idea' } })).toMatchObject({ ok: true })
    expect(await spammer.phone.contribute('two', voteFor('o1'))).toMatchObject({ ok: true })
    const admission = await boss.admission()
    admission.transact(() => admissionMaps(admission).purge.set(participantIdOf(spammer.phone.secret), Date.now()))
    const one = (await boss.board('one')).doc
    const two = (await boss.board('two')).doc
    await until(two, () => boardIdeasOf(two).length === 1 && two.getMap('rows:votes').size === 0)
    await until(one, () => boardIdeasOf(one).length === 0)
    expect(boardIdeasOf(two)[0]).toMatchObject({ text: 'A real idea' })
    await until(admission, () => admissionMaps(admission).purge.size === 0)
  })

  it('blocks a participant: their connection is closed and refused with a message', async () => {
    const { server, boss } = await serve()
    boss.show('ideas', 'idea-vote', 'Ideas')
    const bad = join1(server)
    const good = join1(server)
    await Promise.all([bad.outcome, good.outcome])
    const refused = new Promise<string>(resolve => bad.phone.control.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)))
    const admission = await boss.admission()
    admission.transact(() => admissionMaps(admission).blocked.set(participantIdOf(bad.phone.secret), Date.now()))
    expect(await refused).toBe(REFUSED_BLOCKED)
    // A new phone with the same secret is refused too; everyone else goes on.
    expect(await join1(server, bad.phone.secret).outcome).toBe(REFUSED_BLOCKED)
    await until(good.phone.controlDoc, () => good.phone.controlDoc.getMap('current').get('boardId') === 'ideas')
    expect(await good.phone.contribute('ideas', { op: 'add', list: 'ideas', row: { id: 'g1', text: 'Fine' } })).toMatchObject({ ok: true })
  })
})
