// The licence travels with what the kit distributes: the built site carries LICENSE and the
// licence texts of the fonts, icons and libraries inside the decks; every footer and PDF states
// the ShareAlike part; package.json's SPDX expression names all three licences.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LICENCE_HTML, LICENCE_LINE } from '../../src/content/licence'
import { ROOT } from '../../src/paths'
import { writeNotices } from '../../src/site/notices'
import { SHIPPED_PACKAGES_FILE } from '../../src/output/names'

describe('licences', () => {
  it('ships LICENSE and the fonts\', icons\' and libraries\' licence texts with the built site', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-notices-'))
    try {
      writeNotices(dir)
      expect(readFileSync(join(dir, 'licenses/LICENSE.txt'), 'utf8')).toBe(readFileSync(join(ROOT, 'LICENSE'), 'utf8'))
      const page = readFileSync(join(dir, 'licenses/index.html'), 'utf8')
      expect(page).toMatch(/SIL OPEN FONT LICENSE/i)
      expect(page).toMatch(/Carbon icons by IBM[\s\S]*Copyright IBM Corp\.[\s\S]*Apache License[\s\S]*Version 2\.0/)
      expect(page).toMatch(/<code>vue@\d/)
      expect(page).not.toMatch(/<script/i)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('ships the licence of every package a built deck lists, and nothing from outside node_modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-notices-'))
    try {
      mkdirSync(join(dir, '01-deck'))
      writeFileSync(join(dir, '01-deck', SHIPPED_PACKAGES_FILE), JSON.stringify(['node_modules/vue-router', 'node_modules/../../etc', '/etc', 'node_modules/no-such-package']))
      writeNotices(dir)
      const page = readFileSync(join(dir, 'licenses/index.html'), 'utf8')
      expect(page).toMatch(/<h2>vue-router<\/h2><p><code>vue-router@\d[^<]*<\/code>: MIT<\/p><pre>[^<]*Copyright/)
      expect(page).not.toContain('no-such-package')
      expect(page).not.toMatch(/<code>[^<]*etc/)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('states the ShareAlike part wherever the content licence is stated', () => {
    for (const line of [LICENCE_LINE, LICENCE_HTML]) {
      expect(line).toMatch(/CC BY 4\.0/)
      expect(line).toMatch(/Liberating Structures[\s\S]*CC BY-SA 4\.0/)
      // A PDF that travels alone still names the icons' and the fonts' licences.
      expect(line).toMatch(/Carbon icons \(IBM\)[,:] Apache-2\.0/)
      expect(line).toMatch(/Atkinson Hyperlegible and Fira Code[,:] OFL-1\.1/)
    }
    expect(LICENCE_HTML).toContain('href="./licenses/"')
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.license).toBe('MIT AND CC-BY-4.0 AND CC-BY-SA-4.0')
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toContain('src/activities/liberating-structures.ts')
  })
})
