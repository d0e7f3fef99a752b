// How the live server answers a participant's message: a refusal in the session's language
// (words.ts), and the answer to an operation that is not the next of its entry (order.ts).
// Shared by the room boards' contributions and everyone's own boards.
import type { Connection } from '@hocuspocus/server'
import type { z } from 'zod'
import { describeZodError } from '../../boards/kit/board'
import type { Refusal } from '../boards'
import { outOfOrder, type Place } from '../order'
import type { RefusalCode } from '../protocol'
import { say, sayLines } from '../words'
import { send } from './presence'

export function answers(language: string | undefined) {
  /** `error` is an English template (words.ts); the phone gets it in the session's language. */
  function refuse(connection: Connection, msg: string, code: RefusalCode, error: string, params: Record<string, string | number> = {}, retryAfter?: number) {
    send(connection, { t: 'result', msg, ok: false, code, error: sayLines(language, say(language, error, params)), ...(retryAfter ? { retryAfter } : {}) })
  }

  /** An operation already processed is answered as it was then; an early one is sent again later. */
  function answerOutOfOrder(connection: Connection, msg: string, place: Exclude<Place, 'next'>) {
    const answer = outOfOrder(place)
    if (answer.ok)
      send(connection, { t: 'result', msg, ok: true, superseded: true })
    else
      refuse(connection, msg, answer.code, answer.error, {}, answer.retryAfter)
  }

  return { refuse, answerOutOfOrder }
}

/**
 * What refuses an operation before it is applied, in this order: a locked board, a row its board
 * does not take, a name too long. Recorded in the entry's order like any refusal (order.ts).
 */
export function refusalBefore(locked: boolean, body: z.ZodSafeParseResult<unknown>, name: z.ZodSafeParseResult<unknown>): Refusal | undefined {
  if (locked)
    return { code: 'locked', error: 'The facilitator has locked this board: time is up.' }
  if (!body.success)
    return { code: 'invalid', error: describeZodError(body.error) }
  if (!name.success)
    return { code: 'invalid', error: describeZodError(name.error) }
  return undefined
}
