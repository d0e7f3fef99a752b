import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_ENV, findChromium, launchChromium } from '../../src/chromium'
import { UserError } from '../../src/errors'

const work = mkdtempSync(join(tmpdir(), 'kit-chromium-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('finding Chromium', () => {
  it('uses the environment variable first, when it points at a Chromium', () => {
    const system = findChromium({})
    expect(findChromium({ [CHROMIUM_ENV]: system })).toBe(system)
  })
  it('says what is wrong and how to install one when the variable points nowhere', () => {
    expect(() => findChromium({ [CHROMIUM_ENV]: '/nonexistent/chrome' }))
      .toThrow(/CHROMIUM_PATH is set to "\/nonexistent\/chrome", but there is no file there[\s\S]*apt-get install chromium/)
  })
  it.each([
    ['a folder', () => work, /but it is a folder, not a program/],
    ['a program that is not a browser', () => process.execPath, /but it is not a Chromium or Chrome \(it answered --version with "v\d+/],
    ['a file that does not run', () => { const f = join(work, 'not-exec'); writeFileSync(f, 'hello'); chmodSync(f, 0o644); return f }, /but it is not executable/],
    ['a script that fails', () => { const f = join(work, 'fails.sh'); writeFileSync(f, '#!/bin/sh\nexit 3\n'); chmodSync(f, 0o755); return f }, /but it did not run as a browser/],
  ])('refuses %s with a user error, not a stack trace', (_, path, message) => {
    const p = path()
    expect(() => findChromium({ [CHROMIUM_ENV]: p })).toThrow(UserError)
    expect(() => findChromium({ [CHROMIUM_ENV]: p })).toThrow(message)
  })
  it('launches quiet: no background networking, component updates or sync', async () => {
    for (const flag of ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'])
      expect(CHROMIUM_ARGS).toContain(flag)
    const browser = await launchChromium()
    expect(browser.version()).toMatch(/^\d+\./)
    await browser.close()
  })
  it('turns a launch failure into one plain message', async () => {
    const fake = join(work, 'fake-chrome.sh')
    writeFileSync(fake, '#!/bin/sh\necho "Chromium 1.0"\nexit 1\n')
    chmodSync(fake, 0o755)
    await expect(launchChromium(fake)).rejects.toThrow(UserError)
    await expect(launchChromium(fake)).rejects.toThrow(/^Chromium at .*fake-chrome\.sh did not start/)
  })
})
