// Who may open what: the Origin check on every WebSocket, and the three roles by token.
// - The facilitator (`f:<token>`) reads and writes every document.
// - A helper (`h:<helper token>`, derived from the facilitator's) and participants
//   (`p:<secret>`, made by their join page) are read-only and may open only `control` and the
//   public documents of boards the facilitator has opened. A participant's id is a hash of the
//   secret; a new participant passes the session's admission (join rate, cap, closed, blocked).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { Extension } from '@hocuspocus/server'
import type { Admission } from '../admission'
import { BOARD_ID, CONTROL_DOC, PARTICIPANT_SECRET, type Role } from '../protocol'
import { say } from '../words'

export interface ConnContext { role: Role, participantId?: string }

/**
 * The helper's token, from the facilitator's: a second token the presenter view shows as its
 * own QR code. A helper moderates from a phone (approve, hide, merge, lock) by message; their
 * connection is read-only like a phone's, so they can never move the slides.
 */
export const helperTokenOf = (facilitatorToken: string) => createHmac('sha256', facilitatorToken).update('kit-live-helper').digest('base64url').slice(0, 32)

export const participantIdOf = (secret: string) => createHash('sha256').update(`kit-live:${secret}`).digest('base64url').slice(0, 22)

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Loopback pages (the facilitator's Slidev on this laptop). */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i

/**
 * A browser says which page opened a WebSocket. Only the join page (served by this server, so
 * its origin's host is the one the phone asked for), the facilitator's slides on this laptop and
 * the `origins` the facilitator allowed may: any other page a participant opens must not post or
 * vote from their phone. Clients that are not browsers send no Origin (and could send any):
 * tokens guard them.
 */
export function originAllowed(origin: string | null, host: string | null, origins?: (origin: string) => boolean): boolean {
  if (!origin)
    return true
  let url: URL
  try {
    url = new URL(origin)
  }
  catch {
    return false
  }
  if (host && url.host.toLowerCase() === host.toLowerCase())
    return true
  return LOOPBACK_ORIGIN.test(origin) || !!origins?.(origin)
}

export interface AuthenticationOptions {
  token: string
  language?: string
  origins?: (origin: string) => boolean
  /** the session's admission, once its document is open */
  admission: () => Promise<Admission>
  /** whether the facilitator has opened this board (phones may open only those) */
  boardOpened: (boardId: string) => boolean
}

export function authentication(options: AuthenticationOptions): Extension {
  /** `public/<board>` of a board the facilitator opened, or `control`. */
  const mayOpen = (documentName: string) => {
    if (documentName === CONTROL_DOC)
      return true
    const board = /^public\/(.+)$/.exec(documentName)?.[1]
    return !!board && BOARD_ID.test(board) && options.boardOpened(board)
  }
  return {
    extensionName: 'kit-live-auth',
    async onConnect({ requestHeaders }) {
      const origin = requestHeaders.get('origin')
      const host = requestHeaders.get('host')
      if (!originAllowed(origin, host, options.origins)) {
        // eslint-disable-next-line no-throw-literal
        throw { reason: `This page (${origin}) may not use the live session: only its join page (http://${host}/) and the facilitator's slides on the laptop may.` }
      }
    },
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const at = token.indexOf(':')
      const kind = token.slice(0, at)
      const secret = token.slice(at + 1)
      if (kind === 'f' && sameSecret(secret, options.token))
        return { role: 'facilitator' } satisfies ConnContext
      if (kind === 'h' && sameSecret(secret, helperTokenOf(options.token))) {
        // Like a phone: the session and the public boards, read-only (the slides stay the
        // facilitator's); moderation goes by message.
        if (!mayOpen(documentName))
          throw new Error('A helper may open only the session and the public boards.')
        connectionConfig.readOnly = true
        return { role: 'helper' } satisfies ConnContext
      }
      if (kind === 'p' && PARTICIPANT_SECRET.test(secret)) {
        const participantId = participantIdOf(secret)
        // New participants: at the session's join rate, up to its cap, unless joining is closed
        // or they are blocked. Participants already admitted pass at once.
        const refusal = await (await options.admission()).admit(participantId)
        if (refusal) {
          // eslint-disable-next-line no-throw-literal
          throw { reason: say(options.language, refusal.error, refusal.params ?? {}) }
        }
        // Only boards the facilitator has opened: a phone cannot make the server load others.
        if (!mayOpen(documentName))
          throw new Error('Participants may open only the session and the public boards.')
        connectionConfig.readOnly = true
        return { role: 'participant', participantId } satisfies ConnContext
      }
      throw new Error('Not allowed.')
    },
  }
}
