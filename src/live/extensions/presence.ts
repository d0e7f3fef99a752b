// Who is here: each participant's phone on `control` (by socket), the count of people joined
// (distinct participants, on this instance and, with Redis, on every instance), told to the
// facilitator's connections whenever it changes; and awareness kept from participants (nothing
// a read-only connection sends reaches other phones or the projector).
import type { Connection, Extension } from '@hocuspocus/server'
import { CONTROL_DOC, type ServerMessage } from '../protocol'
import type { ConnContext } from './auth'

/** What presence needs of the scale-out: the count of every instance, refreshed on a change. */
export interface SharedCount {
  joined: () => number
  sync: () => Promise<void>
}

export const send = (connection: Connection, message: ServerMessage) => connection.sendStateless(JSON.stringify(message))

export class Presence {
  /** socketId -> participantId, on `control` */
  private sockets = new Map<string, string>()
  /** socketId -> the participant's `control` connection */
  readonly phones = new Map<string, Connection>()
  private leaving = new Set<(socketId: string) => void>()
  /** the facilitators' connections are on this document's connections */
  controlConnections: () => Iterable<Connection> = () => []
  shared: SharedCount | undefined

  /** Participants connected to this instance (distinct join pages). */
  joined = (): number => new Set(this.sockets.values()).size
  /** Participants connected to every instance (with Redis), or to this one. */
  joinedEverywhere = (): number => (this.shared ? Math.max(this.shared.joined(), this.joined()) : this.joined())
  /** The participants connected here, for the shared count. */
  participants = (): Set<string> => new Set(this.sockets.values())
  participantOf(socketId: string): string | undefined { return this.sockets.get(socketId) }
  /** Called with a socket that left (a phone's per-socket state can go). */
  onLeave(listener: (socketId: string) => void) { this.leaving.add(listener) }

  tellFacilitators = () => {
    for (const connection of this.controlConnections()) {
      if ((connection.context as ConnContext).role === 'facilitator')
        send(connection, { t: 'joined', count: this.joinedEverywhere() })
    }
  }

  readonly extension: Extension = {
    extensionName: 'kit-live-presence',
    connected: async ({ connection, documentName, socketId }) => {
      if (documentName !== CONTROL_DOC)
        return
      const ctx = connection.context as ConnContext
      if (ctx.role === 'participant' && ctx.participantId) {
        this.sockets.set(socketId, ctx.participantId)
        this.phones.set(socketId, connection)
        this.shared?.sync().catch(() => {})
      }
      this.tellFacilitators()
    },
    onDisconnect: async ({ documentName, socketId }) => {
      if (documentName === CONTROL_DOC && this.sockets.delete(socketId)) {
        this.phones.delete(socketId)
        for (const listener of this.leaving)
          listener(socketId)
        this.shared?.sync().catch(() => {})
        this.tellFacilitators()
      }
    },
    // Participants are read-only in everything, awareness included: nothing they send reaches
    // other phones or the projector.
    async beforeHandleAwareness({ states, connection }: any) {
      if (connection?.readOnly)
        states.clear()
    },
  } as Extension
}
