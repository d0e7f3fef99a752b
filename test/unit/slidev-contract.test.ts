// Everything the kit relies on in Slidev, by name: an upgrade that removes one fails here
// with what is gone and why the kit needs it.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { brokenContract, SLIDEV_CONTRACT, SLIDEV_DIR } from '../../src/slidev/contract'
import { missingBuildApi } from '../../src/slidev/build'

describe('the Slidev contract', () => {
  it.each(SLIDEV_CONTRACT.map(item => [item.name, item] as const))('holds: %s', async (_, item) => {
    const problem = await item.check(SLIDEV_DIR)
    expect(problem, `Slidev internal "${item.name}" is missing (${problem}). The kit needs it for ${item.why}. Update src/slidev/.`).toBeUndefined()
  })

  it('the in-process build has Slidev\'s public build API, so no slow fallback', async () => {
    expect(await missingBuildApi()).toEqual([])
  })

  it('fails by name when an internal is removed', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'kit-slidev-'))
    try {
      for (const dir of ['client', 'parser/dist', 'types/dist'])
        cpSync(join(SLIDEV_DIR, dir), join(copy, dir), { recursive: true, filter: src => !src.slice(SLIDEV_DIR.length).includes('node_modules') })
      writeFileSync(join(copy, 'client/setup/routes.ts'), 'export default []\n')
      writeFileSync(join(copy, 'client/internals/PrintSlideClick.vue'), '<template><div /></template>\n')
      const broken = await brokenContract(copy)
      const names = broken.map(b => b.name)
      expect(names).toContain('the client\'s /print route is guarded by __SLIDEV_FEATURE_PRINT__')
      expect(names).toContain('the print page renders one .print-slide-container per slide')
      expect(names).toContain('the slidev binary')
      expect(broken.find(b => b.name.startsWith('the client'))!.problem).toMatch(/routes\.ts no longer contains/)
    }
    finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})

describe('the slow path', () => {
  it('says so, once, with what is missing and what to run', async () => {
    const { warnSlowPath } = await import('../../src/slidev/build')
    const lines: string[] = []
    warnSlowPath('ViteSlidevPlugin from @slidev/cli', l => lines.push(l))
    warnSlowPath('ViteSlidevPlugin from @slidev/cli', l => lines.push(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^warning: Slidev's in-process build is not available \(ViteSlidevPlugin from @slidev\/cli\); building each deck with the slidev command instead, which is slower\..*slidev-contract\.test\.ts/)
  })
})
