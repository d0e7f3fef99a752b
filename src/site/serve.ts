// Serves a built site from a folder on this machine, for the facilitator's laptop and the tests.
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { preview, type PreviewServer } from 'vite'
import { UserError } from '../errors'

export async function serveSite(dir: string, port = 4173, host = 'localhost'): Promise<{ url: string, close: () => Promise<void> }> {
  if (!existsSync(dir))
    throw new UserError(`There is no built site in ${dir}. Run npm run build first.`)
  const server: PreviewServer = await preview({
    root: dirname(dir),
    configFile: false,
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { port, host, strictPort: port !== 0, open: false },
  })
  const address = server.httpServer.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return { url: `http://${host}:${actualPort}`, close: () => server.close() }
}
