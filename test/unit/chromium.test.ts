import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { type Bundled, bundledChromium, CHROMIUM_ARGS, CHROMIUM_ENV, chromiumArgs, chromiumEnv, findChromium, launchChromium } from '../../src/chromium'
import { UserError } from '../../src/errors'

const work = mkdtempSync(join(tmpdir(), 'kit-chromium-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A script that answers --version as a Chromium does. */
function fakeChromium(name: string): string {
  const file = join(work, name)
  writeFileSync(file, '#!/bin/sh\necho "Chromium 1.0"\n')
  chmodSync(file, 0o755)
  return file
}
const emptyFile = join(work, 'hidden-chromium')
writeFileSync(emptyFile, '')
const missing = join(work, 'no-such-chromium')

describe('finding Chromium', () => {
  it('uses the environment variable first, when it points at a Chromium, before the system and the npm package', async () => {
    const fromEnv = fakeChromium('env-chrome')
    const bundled = vi.fn(async (): Promise<Bundled> => ({ path: '/bundled/chromium' }))
    await expect(findChromium({ [CHROMIUM_ENV]: fromEnv }, { places: [fakeChromium('system-chrome')], bundled })).resolves.toBe(fromEnv)
    expect(bundled).not.toHaveBeenCalled()
    const system = await findChromium({})
    await expect(findChromium({ [CHROMIUM_ENV]: system })).resolves.toBe(system)
  })
  it('then the system\'s Chromium, passing over an empty or missing file, before the npm package', async () => {
    const system = fakeChromium('usual-place-chrome')
    const bundled = vi.fn(async (): Promise<Bundled> => ({ path: '/bundled/chromium' }))
    await expect(findChromium({}, { places: [missing, emptyFile, work, system], bundled })).resolves.toBe(system)
    expect(bundled).not.toHaveBeenCalled()
  })
  it('then the npm package\'s Chromium, when no usual place holds one', async () => {
    const bundled = vi.fn(async (): Promise<Bundled> => ({ path: '/bundled/chromium' }))
    await expect(findChromium({}, { places: [missing, emptyFile], bundled })).resolves.toBe('/bundled/chromium')
    expect(bundled).toHaveBeenCalledOnce()
  })
  it('says where it looked, why the npm package gave none, and how to install one', async () => {
    const found = findChromium({}, { places: [missing], bundled: async () => ({ why: 'it only runs on Linux (this is darwin)' }) })
    await expect(found).rejects.toThrow(UserError)
    await expect(found).rejects.toThrow(/No Chromium found: looked at \$CHROMIUM_PATH, \/usr\/bin\/chromium.*the npm package @sparticuz\/chromium: it only runs on Linux \(this is darwin\)\.[\s\S]*apt-get install chromium/)
  })
  it('says what is wrong and how to install one when the variable points nowhere, and does not fall back', async () => {
    const bundled = vi.fn(async (): Promise<Bundled> => ({ path: '/bundled/chromium' }))
    await expect(findChromium({ [CHROMIUM_ENV]: '/nonexistent/chrome' }, { places: [fakeChromium('unused')], bundled }))
      .rejects.toThrow(/CHROMIUM_PATH is set to "\/nonexistent\/chrome", but there is no file there[\s\S]*apt-get install chromium/)
    expect(bundled).not.toHaveBeenCalled()
  })
  it.each([
    ['a folder', () => work, /but it is a folder, not a program/],
    ['a program that is not a browser', () => process.execPath, /but it is not a Chromium or Chrome \(it answered --version with "v\d+/],
    ['a file that does not run', () => { const f = join(work, 'not-exec'); writeFileSync(f, 'hello'); chmodSync(f, 0o644); return f }, /but it is not executable/],
    ['a script that fails', () => { const f = join(work, 'fails.sh'); writeFileSync(f, '#!/bin/sh\nexit 3\n'); chmodSync(f, 0o755); return f }, /but it did not run as a browser/],
  ])('refuses %s with a user error, not a stack trace', async (_, path, message) => {
    const p = path()
    await expect(findChromium({ [CHROMIUM_ENV]: p })).rejects.toThrow(UserError)
    await expect(findChromium({ [CHROMIUM_ENV]: p })).rejects.toThrow(message)
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

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('the npm package\'s Chromium (@sparticuz/chromium)', () => {
  it('unpacks once into node_modules/.cache, launches with its libraries and fonts, and prints a PDF with text', async () => {
    const bundled = await bundledChromium()
    expect(bundled).toHaveProperty('path')
    const path = (bundled as { path: string }).path
    expect(path).toMatch(/node_modules\/\.cache\/kit-chromium-[\d.]+-x64\/chromium$/)
    await expect(bundledChromium()).resolves.toEqual(bundled)
    expect(chromiumEnv(path).FONTCONFIG_FILE).toMatch(/kit-fonts\.conf$/)
    expect(chromiumArgs(path)).toEqual(expect.arrayContaining([...CHROMIUM_ARGS, '--no-zygote']))
    expect(chromiumEnv('/usr/bin/chromium')).toEqual({})
    const browser = await launchChromium(path)
    try {
      const page = await browser.newPage()
      await page.setContent('<p style="font-family: sans-serif">Café für alle</p>')
      const pdf = Buffer.from(await page.pdf()).toString('latin1')
      // A font was found and embedded: without one Chromium prints no glyphs at all.
      expect(pdf).toMatch(/\/FontName\s*\/[A-Z]{6}\+\w+/)
    }
    finally {
      await browser.close()
    }
  })
})
