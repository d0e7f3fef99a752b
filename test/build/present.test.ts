// `npm start`: Slidev's dev server in the kit's own process (no second Node process), the
// addresses in the kit's words, and Ctrl+C stops it cleanly.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../src/paths'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    }).on('error', reject)
  })
}

let child: ChildProcess | undefined
afterAll(() => { child?.kill('SIGKILL') })

describe('npm start', () => {
  it('serves the module from the kit\'s process, says where to open it, and stops on Ctrl+C', async () => {
    const port = await freePort()
    const env = { ...process.env }
    delete env.NODE_ENV
    // As package.json's start script runs it.
    child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'present', '0', '--port', String(port)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout!.on('data', (d) => { out += d })
    child.stderr!.on('data', (d) => { out += d })
    const exited = new Promise<number | null>(resolve => child!.on('exit', code => resolve(code)))
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on('data', () => { if (out.includes('Ctrl+C')) resolve() })
      child!.on('exit', () => reject(new Error(`npm start stopped:\n${out}`)))
    })
    expect(out).toContain(`Slides          http://localhost:${port}/`)
    expect(out).toContain(`Presenter view  http://localhost:${port}/presenter/`)
    expect(out).toMatch(/first load .* takes a while \(about half a minute\)/)
    expect(out).not.toMatch(/mcp server|public slide show/i)

    const page = await fetch(`http://localhost:${port}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="app">')
    // Slidev runs inside this process: no Node child.
    let children = ''
    try {
      children = execFileSync('ps', ['--ppid', String(child.pid), '-o', 'comm='], { encoding: 'utf8' })
    }
    catch {} // ps exits 1 when there is no child at all
    expect(children).not.toMatch(/^node$/m)

    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(out).toContain('Stopping the presentation server')
  }, 180_000)
})
