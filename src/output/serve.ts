// Serves a built site from a folder on this machine, for the facilitator's laptop and the tests.
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { preview, type PreviewServer } from 'vite'
import { UserError } from '../errors'

export async function serveSite(dir: string, port = 4173, host = 'localhost'): Promise<{ url: string, close: () => Promise<void> }> {
  if (!existsSync(dir))
    throw new UserError(`There is no built site in ${dir}. Run npm run build first.`)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`The port must be a number from 1 to 65535 (got ${port}).`)
  let server: PreviewServer
  try {
    server = await preview({
      root: dirname(dir),
      configFile: false,
      logLevel: 'warn',
      build: { outDir: dir },
      preview: { port, host, strictPort: port !== 0, open: false },
    })
  }
  catch (e) {
    const message = (e as Error).message ?? String(e)
    if (/already in use|EADDRINUSE/.test(message))
      throw new UserError(`Port ${port} is already in use on this computer; choose another with --port, e.g. npm run serve -- --port ${port + 1}.`)
    if (/EADDRNOTAVAIL|ENOTFOUND|getaddrinfo/.test(message))
      throw new UserError(`Cannot serve on host "${host}": ${message}. Use localhost, or this computer's address on the room's network.`)
    throw e
  }
  const address = server.httpServer.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return { url: `http://${host}:${actualPort}`, close: () => server.close() }
}
