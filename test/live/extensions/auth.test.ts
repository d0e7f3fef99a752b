// The authentication extension on its own: the Origin check, and each role by its token, with
// the session's admission and the boards the facilitator opened given as plain functions.
import { describe, expect, it } from 'vitest'
import type { Admission, AdmissionRefusal } from '../../../src/live/admission'
import { authentication, helperTokenOf, originAllowed, participantIdOf } from '../../../src/live/extensions/auth'

const TOKEN = 'facilitator-token-0123456789abcdef'
const SECRET = 'abcdefghijklmnopqrstuvwx'

function auth(refusal?: AdmissionRefusal, opened = ['map']) {
  const admitted: string[] = []
  const admission = { admit: async (id: string) => { admitted.push(id); return refusal } } as unknown as Admission
  const ext = authentication({ token: TOKEN, language: 'en', admission: async () => admission, boardOpened: id => opened.includes(id) })
  const open = async (token: string, documentName: string) => {
    const connectionConfig = { readOnly: false }
    const context = await ext.onAuthenticate!({ token, documentName, connectionConfig } as any)
    return { context, readOnly: connectionConfig.readOnly }
  }
  return { ext, open, admitted }
}

describe('the Origin check', () => {
  it('lets in the join page (same host), this laptop\'s pages, clients without an Origin and allowed origins', () => {
    expect(originAllowed('http://192.168.1.20:4321', '192.168.1.20:4321')).toBe(true)
    expect(originAllowed('http://localhost:3030', '192.168.1.20:4321')).toBe(true)
    expect(originAllowed('http://127.0.0.1:3030', '192.168.1.20:4321')).toBe(true)
    expect(originAllowed(null, '192.168.1.20:4321')).toBe(true)
    expect(originAllowed('https://live.example.org', 'internal:4321', o => o === 'https://live.example.org')).toBe(true)
  })

  it('keeps out any other page, and a malformed Origin', async () => {
    expect(originAllowed('https://evil.example', '192.168.1.20:4321')).toBe(false)
    expect(originAllowed('not a url', '192.168.1.20:4321')).toBe(false)
    const { ext } = auth()
    await expect(ext.onConnect!({ requestHeaders: new Headers({ origin: 'https://evil.example', host: '192.168.1.20:4321' }) } as any))
      .rejects.toMatchObject({ reason: expect.stringContaining('may not use the live session') })
  })
})

describe('the roles', () => {
  it('gives the facilitator every document, read-write', async () => {
    const { open } = auth()
    expect(await open(`f:${TOKEN}`, 'board/map')).toEqual({ context: { role: 'facilitator' }, readOnly: false })
  })

  it('gives a helper the session and opened public boards, read-only', async () => {
    const { open } = auth()
    expect(await open(`h:${helperTokenOf(TOKEN)}`, 'public/map')).toEqual({ context: { role: 'helper' }, readOnly: true })
    await expect(open(`h:${helperTokenOf(TOKEN)}`, 'board/map')).rejects.toThrow('A helper may open only the session and the public boards.')
    await expect(open(`h:${helperTokenOf(TOKEN)}`, 'public/other')).rejects.toThrow('A helper may open only')
  })

  it('admits a participant under their hashed id, read-only, to the session and opened public boards', async () => {
    const { open, admitted } = auth()
    expect(await open(`p:${SECRET}`, 'control')).toEqual({ context: { role: 'participant', participantId: participantIdOf(SECRET) }, readOnly: true })
    expect(admitted).toEqual([participantIdOf(SECRET)])
    expect(participantIdOf(SECRET)).not.toContain(SECRET)
    await expect(open(`p:${SECRET}`, 'board/map')).rejects.toThrow('Participants may open only the session and the public boards.')
    await expect(open(`p:${SECRET}`, 'public/unopened')).rejects.toThrow('Participants may open only')
  })

  it('refuses a participant the admission turns away, with its reason in words', async () => {
    const { open } = auth({ error: 'This session has all the participants it admits ({n}): ask the facilitator.', params: { n: 30 } })
    await expect(open(`p:${SECRET}`, 'control')).rejects.toMatchObject({ reason: 'This session has all the participants it admits (30): ask the facilitator.' })
  })

  it('refuses a wrong token, a malformed secret and a helper token used as the facilitator\'s', async () => {
    const { open } = auth()
    await expect(open('f:wrong', 'control')).rejects.toThrow('Not allowed.')
    await expect(open('p:short', 'control')).rejects.toThrow('Not allowed.')
    await expect(open(`f:${helperTokenOf(TOKEN)}`, 'control')).rejects.toThrow('Not allowed.')
  })
})
