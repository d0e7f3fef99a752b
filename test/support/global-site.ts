// Builds the whole site once per test run, into a temporary folder that the build, browser
// and PDF tests share (a real `npm run build`, as a facilitator would run it).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildSite } from '../../src/site/build'

declare module 'vitest' {
  export interface ProvidedContext { siteDir: string }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'kit-site-'))
  const started = Date.now()
  await buildSite({ base: '/', outDir: dir, log: () => {} })
  console.log(`Built the site for the tests in ${((Date.now() - started) / 1000).toFixed(0)} s: ${dir}`)
  project.provide('siteDir', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
