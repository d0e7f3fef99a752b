// The tab's state takes its sync providers from its caller (src/board-doc/sync.ts): a provider
// given in the scope is opened on the board's document, keeps its copy apart by its scope, holds
// the board closed until its copy is in, enables the live side when it has a connection, and is
// closed when the last user of the board goes. Without one, the board is this browser's alone.
// The live server's provider is chosen by the deck's app set-up, never by the state itself.
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { effectScope, nextTick } from 'vue'
import * as Y from 'yjs'
import { addRow, type DocDefinition, initBoardDoc, type SyncConnection, type SyncProvider, type SyncTarget } from '../../src/board-doc'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { ideaVote } from '../../src/boards/idea-vote/model'
import { liveSync } from '../../src/live/provider'
import { documentName, useExerciseState } from '../../src/state/useExerciseState'
import { readSaved } from '../../src/state/local-store'

/** A server stand-in: a second document, its copy handed over when the test says so. */
function fakeServer(session = 'rehearsal') {
  const server = new Y.Doc()
  const opened: SyncTarget[] = []
  let release: (ok: boolean) => void = () => {}
  let setConnection: (c: SyncConnection) => void = () => {}
  let closed = 0
  const provider: SyncProvider = {
    id: 'fake',
    scope: () => session,
    open(target) {
      opened.push(target)
      let connection: SyncConnection = 'connecting'
      const listeners = new Set<(c: SyncConnection) => void>()
      setConnection = (c) => {
        connection = c
        listeners.forEach(l => l(c))
      }
      const toServer = (u: Uint8Array, origin: unknown) => origin !== server && Y.applyUpdate(server, u, target.doc)
      target.doc.on('update', toServer)
      return {
        loaded: new Promise<boolean>((resolve) => {
          release = (ok) => {
            Y.applyUpdate(target.doc, Y.encodeStateAsUpdate(server), server)
            resolve(ok)
          }
        }),
        connection: { now: () => connection, watch: (l) => { listeners.add(l); return () => listeners.delete(l) } },
        destroy: () => {
          closed++
          target.doc.off('update', toServer)
        },
      }
    },
  }
  return { server, provider, opened, release: (ok = true) => release(ok), connect: (c: SyncConnection) => setConnection(c), closed: () => closed }
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++)
    await new Promise(r => setTimeout(r, 5))
  expect(check()).toBe(true)
}

describe('useExerciseState with the caller\'s sync providers', () => {
  it('opens the given provider, keeps its copy apart, waits for it, and is live while it is connected', async () => {
    const fake = fakeServer()
    // The server already holds the session's board, with a participant's row.
    const seed = new Y.Doc()
    initBoardDoc(seed, stakeholderMap)
    addRow(seed, stakeholderMap, 'stakeholders', { id: 's1', name: 'City library', _author: 'p-ana', _status: 'pending' })
    Y.applyUpdate(fake.server, Y.encodeStateAsUpdate(seed))

    const scope = effectScope()
    const state = scope.run(() => useExerciseState('sync-test-board', stakeholderMap, { cohort: 'c1', sync: [fake.provider] }))!
    expect(fake.opened).toHaveLength(1)
    expect(fake.opened[0]).toMatchObject({ boardId: 'sync-test-board', name: documentName('c1', 'sync-test-board', 'rehearsal') })
    expect(state.live.enabled).toBe(true)
    expect(state.live.connection.value).toBe('connecting')

    // Not ready before the server's copy is in (a second board would start beside the session's).
    await new Promise(r => setTimeout(r, 30))
    expect(state.ready.value).toBe(false)
    fake.release()
    fake.connect('online')
    await until(() => state.ready.value)
    expect(state.live.connection.value).toBe('online')
    expect(state.live.entries.value.map(e => [e.id, e.status])).toEqual([['s1', 'pending']])
    expect(state.data.value.stakeholders).toEqual([])

    // The tab's writes reach the server.
    state.addRow('stakeholders', { id: 's2', name: 'Neighbours' })
    expect(Object.keys(fake.server.getMap('rows:stakeholders').toJSON())).toEqual(expect.arrayContaining(['s1', 's2']))

    scope.stop()
    await nextTick()
    await until(() => fake.closed() === 1)
  })

  it('without providers, is this browser\'s board alone: no live side, the cohort\'s own copy', async () => {
    const scope = effectScope()
    const state = scope.run(() => useExerciseState('sync-test-alone', stakeholderMap, { cohort: 'c1' }))!
    await until(() => state.ready.value)
    expect(state.live.enabled).toBe(false)
    expect(state.live.connection.value).toBe('off')
    scope.stop()
  })

  it('a read-only board (someone\'s own board, viewed) is filled once and never written, saved or synced', async () => {
    const { provider, opened } = fakeServer()
    const scope = effectScope()
    const fill = (doc: Y.Doc, def: DocDefinition) => { addRow(doc, def, ['stakeholders'], { id: 'v1', name: 'Qz viewed', category: 'host', power: 4, interest: 2 }) }
    const [own, viewed] = scope.run(() => [
      useExerciseState('sync-test-viewed', stakeholderMap, { cohort: 'c1' }),
      useExerciseState('sync-test-viewed', stakeholderMap, { cohort: 'c1', sync: [provider], readOnly: { fill } }),
    ])!
    await until(() => own.ready.value)
    // Drawn as the board: its rows, loaded at once; no provider opened for it, no live side.
    expect(viewed.ready.value).toBe(true)
    expect(viewed.data.value.stakeholders.map(s => s.name)).toEqual(['Qz viewed'])
    expect(opened).toEqual([])
    expect(viewed.live.enabled).toBe(false)
    // Every write refused.
    expect(viewed.editable.value).toBe(false)
    expect(viewed.addRow('stakeholders', { id: 'v2', name: 'more', category: 'host', power: 1, interest: 1 })).toBeUndefined()
    expect(viewed.removeRow('stakeholders', 'v1')).toBe(false)
    expect(viewed.set(['threshold'], 4)).toBe(false)
    expect(viewed.importJson(own.exportJson()).ok).toBe(false)
    viewed.reset()
    expect(viewed.data.value.stakeholders).toHaveLength(1)
    // The facilitator's own board of the same id is another document, and nothing of the viewed
    // one is saved in this browser.
    expect(own.data.value.stakeholders).toEqual([])
    expect(await viewed.whenSaved()).toMatchObject({ state: 'saved' })
    const saved = await readSaved(documentName('c1', 'sync-test-viewed'))
    expect((saved ?? []).map(u => new TextDecoder().decode(u)).join('')).not.toMatch(/Qz viewed/)
    scope.stop()
  })

  it('the live server\'s provider does nothing outside a live session, for every board (the idea board too)', () => {
    const doc = new Y.Doc()
    for (const def of [stakeholderMap, ideaVote]) {
      expect(liveSync.scope?.('b', def)).toBeUndefined()
      expect(liveSync.open({ boardId: 'b', def, doc, name: 'n' })).toBeUndefined()
    }
  })

  it('the tab\'s state imports no live code: the provider is the app set-up\'s choice', () => {
    const root = join(import.meta.dirname, '..', '..')
    for (const file of ['src/state/useExerciseState.ts', 'src/state/sync.ts', 'src/state/useBoardScope.ts'])
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/from '\.\.\/live\//)
    expect(readFileSync(join(root, 'setup', 'main.ts'), 'utf8')).toMatch(/app\.provide\(SYNC_KEY, \[liveSync\]\)/)
  })
})
