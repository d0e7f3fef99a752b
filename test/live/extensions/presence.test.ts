// The presence extension on its own: the count of people joined (distinct participants, not
// tabs), told to facilitators only, per-socket state let go when a phone leaves, and awareness
// from read-only connections dropped.
import { describe, expect, it } from 'vitest'
import { Presence } from '../../../src/live/extensions/presence'

function connection(role: string, participantId?: string) {
  const sent: string[] = []
  return { context: { role, participantId }, readOnly: role !== 'facilitator', sendStateless: (m: string) => sent.push(m), sent }
}

describe('presence', () => {
  it('counts distinct participants, tells facilitators each change, and lets a leaving socket go', async () => {
    const presence = new Presence()
    const boss = connection('facilitator')
    const helper = connection('helper')
    presence.controlConnections = () => [boss, helper] as any
    const left: string[] = []
    presence.onLeave(id => left.push(id))
    const ext = presence.extension
    const phoneA = connection('participant', 'ana')
    await ext.connected!({ connection: phoneA, documentName: 'control', socketId: 's1' } as any)
    await ext.connected!({ connection: connection('participant', 'ana'), documentName: 'control', socketId: 's2' } as any)
    await ext.connected!({ connection: connection('participant', 'ben'), documentName: 'control', socketId: 's3' } as any)
    // A board's public document is not presence.
    await ext.connected!({ connection: connection('participant', 'cy'), documentName: 'public/map', socketId: 's4' } as any)
    expect(presence.joined()).toBe(2)
    expect(presence.participantOf('s2')).toBe('ana')
    expect(boss.sent.map(m => JSON.parse(m).count)).toEqual([1, 1, 2])
    expect(helper.sent).toEqual([])

    await ext.onDisconnect!({ documentName: 'control', socketId: 's3' } as any)
    expect(presence.joined()).toBe(1)
    expect(left).toEqual(['s3'])
    expect(JSON.parse(boss.sent.at(-1)!)).toEqual({ t: 'joined', count: 1 })
  })

  it('counts every instance\'s people when they share one, never fewer than its own', async () => {
    const presence = new Presence()
    let synced = 0
    presence.shared = { joined: () => 40, sync: async () => { synced++ } }
    await presence.extension.connected!({ connection: connection('participant', 'ana'), documentName: 'control', socketId: 's1' } as any)
    expect(presence.joinedEverywhere()).toBe(40)
    expect(synced).toBe(1)
    presence.shared = { joined: () => 0, sync: async () => {} }
    expect(presence.joinedEverywhere()).toBe(1)
  })

  it('drops awareness a read-only connection sends', async () => {
    const states = new Map([[1, { user: 'x' }]])
    await (presence().extension as any).beforeHandleAwareness({ states, connection: { readOnly: true } })
    expect(states.size).toBe(0)
    const kept = new Map([[2, { user: 'boss' }]])
    await (presence().extension as any).beforeHandleAwareness({ states: kept, connection: { readOnly: false } })
    expect(kept.size).toBe(1)
  })
})

function presence() { return new Presence() }
