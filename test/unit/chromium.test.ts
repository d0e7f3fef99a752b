import { describe, expect, it } from 'vitest'
import { CHROMIUM_ENV, findChromium } from '../../src/chromium'

describe('finding Chromium', () => {
  it('uses the environment variable first', () => {
    expect(findChromium({ [CHROMIUM_ENV]: process.execPath })).toBe(process.execPath)
  })
  it('says what is wrong and how to install one when the variable points nowhere', () => {
    expect(() => findChromium({ [CHROMIUM_ENV]: '/nonexistent/chrome' }))
      .toThrow(/CHROMIUM_PATH is set to "\/nonexistent\/chrome", but there is no file there[\s\S]*apt-get install chromium/)
  })
})
