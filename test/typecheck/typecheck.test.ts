// `npm run typecheck` as part of `npm test` (and so of CI): vue-tsc over the TypeScript and
// every .vue component, so a board's props that drift from its model fail the run.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { ROOT } from '../../src/paths'

it('type-checks the kit, components included (npm run typecheck)', async () => {
  const bin = join(ROOT, 'node_modules', 'vue-tsc', 'bin', 'vue-tsc.js')
  const result = await promisify(execFile)(process.execPath, [bin, '--noEmit', '-p', ROOT], { cwd: ROOT, maxBuffer: 10 * 1024 * 1024 })
    .then(() => ({ code: 0, output: '' }), (e: { code: number, stdout: string, stderr: string }) => ({ code: e.code, output: `${e.stdout}${e.stderr}` }))
  expect(result.output, 'vue-tsc found type errors').toBe('')
  expect(result.code).toBe(0)
}, 300_000)
