// A participant's client that also speaks of its own boards (src/live/own-boards.ts): the tests'
// phones for everyone's own board, as real WebSocket clients.
import { randomId, type ServerMessage } from '../../src/live/protocol'
import { Participant, waitFor } from './live-clients'

type Result = Extract<ServerMessage, { t: 'result' }>

/** A phone that also speaks of its own boards. */
export class OwnPhone extends Participant {
  readonly messages: ServerMessage[] = []
  constructor(url: string, secret: string, name: string) {
    super(url, secret, name)
    this.control.on('stateless', ({ payload }: { payload: string }) => this.messages.push(JSON.parse(payload) as ServerMessage))
  }

  async own(board: string, body: unknown, timeout = 5000): Promise<Result> {
    const msg = randomId(12)
    this.raw(JSON.stringify({ t: 'own', msg, board, name: this.name, body }))
    return this.answer(msg, timeout)
  }

  async answer(msg: string, timeout = 5000): Promise<Result> {
    let found: Result | undefined
    await waitFor(() => !!(found = this.messages.find((m): m is Result => m.t === 'result' && m.msg === msg)), timeout, `the answer to ${msg}`)
    return found!
  }

  /** The server's latest view of this phone's own copy of `board`. */
  async mine(board: string, check: (m: Extract<ServerMessage, { t: 'own-mine' }>) => boolean = () => true) {
    const from = this.messages.length
    this.raw(JSON.stringify({ t: 'own-mine', board }))
    let found: Extract<ServerMessage, { t: 'own-mine' }> | undefined
    await waitFor(() => !!(found = this.messages.slice(from).filter((m): m is Extract<ServerMessage, { t: 'own-mine' }> => m.t === 'own-mine' && m.board === board).at(-1)) && check(found), 15_000, `own-mine of ${board}`)
    return found!
  }
}

