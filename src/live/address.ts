// The address participants open: the shortest a person can type from the projector. The QR code
// carries the laptop's IP address (always reachable on the room's network); the slide and the
// terminal show, large, the laptop's name when the network resolves it to this laptop
// (`lucias-laptop.local:4321`, through mDNS), else the IP address and port (`192.168.1.20:4321`).
// No scheme, no path: the join page is at `/` (and every other path serves it too).
import { lookup as dnsLookup } from 'node:dns/promises'
import { hostname as osHostname, networkInterfaces } from 'node:os'

/** The laptop's IPv4 addresses on its networks (not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap(list => (list ?? []).filter(a => a.family === 'IPv4' && !a.internal).map(a => a.address))
}

export interface NameLookup {
  hostname?: string
  /** resolves a name to its IPv4 addresses (node's dns.lookup by default) */
  resolve?: (name: string) => Promise<string[]>
  /** how long a lookup may take before the IP address is used instead */
  timeoutMs?: number
}

const defaultResolve = async (name: string) => (await dnsLookup(name, { family: 4, all: true })).map(a => a.address)

/**
 * The laptop's name as phones on the room's network can type it, or undefined (then the IP
 * address is shown). A name counts only when it resolves to `address`, the address the server is
 * reached at: on many Linux machines the bare host name resolves to 127.0.1.1 through /etc/hosts,
 * which no phone can reach. Tried: `<name>.local` (mDNS: macOS, Windows 10+, Linux with Avahi;
 * phones resolve it too), then the host name itself when it is a full domain name (a network
 * whose DNS knows its machines).
 */
export async function laptopName(address: string, options: NameLookup = {}): Promise<string | undefined> {
  const host = (options.hostname ?? osHostname()).trim().toLowerCase()
  const resolve = options.resolve ?? defaultResolve
  const timeoutMs = options.timeoutMs ?? 1500
  if (!host || !/^[a-z0-9][a-z0-9.-]*$/.test(host) || host === 'localhost')
    return undefined
  const short = host.replace(/\.local\.?$/, '').replace(/\.$/, '')
  const candidates = [...new Set([`${short.split('.')[0]}.local`, ...(short.includes('.') ? [short] : [])])]
  for (const name of candidates) {
    const found = await Promise.race([
      resolve(name).catch(() => [] as string[]),
      new Promise<string[]>(r => setTimeout(() => r([]), timeoutMs).unref()),
    ])
    if (found.includes(address))
      return name
  }
  return undefined
}

/** What a person types: `host:port`, no scheme and no path (`:80` left out). */
export function typedAddress(host: string, port: number): string {
  const h = host.includes(':') ? `[${host}]` : host
  return port === 80 ? h : `${h}:${port}`
}

/**
 * The lines `npm run live` prints for the room: the address to type, large, and what else works.
 * `typedPort`: the port to type (80, when the short redirect runs), else the server's.
 */
export function joinLines(options: { name?: string, address: string, port: number, typedPort?: number }): { typed: string, url: string, lines: string[] } {
  const url = `http://${typedAddress(options.address, options.port)}/`
  const typedPort = options.typedPort ?? options.port
  const typed = typedAddress(options.name ?? options.address, typedPort)
  const lines = [`Participants type:  ${typed}`]
  if (options.name)
    lines.push(`              or:  ${typedAddress(options.address, typedPort)}   (a phone that cannot find ${options.name})`)
  lines.push(`   or scan the QR code (${url}):`)
  return { typed, url, lines }
}

/**
 * Port 80 where the laptop lets us listen on it (macOS and Windows do; Linux only with the
 * capability): a redirect to the join page, so the address to type needs no port
 * (`kit-laptop.local`). It answers every request with a redirect to the server's own address on
 * its port, to the name the phone typed when it is one of `names`, else to the IP address (never
 * to a host a request makes up). Resolves to undefined when port 80 cannot be had.
 */
export async function shortRedirect(options: { names: string[], address: string, port: number, listenPort?: number }): Promise<{ port: number, close: () => Promise<void> } | undefined> {
  const { createServer } = await import('node:http')
  const known = new Set(options.names.map(n => n.toLowerCase()))
  const server = createServer((request, response) => {
    const asked = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '')
    const host = known.has(asked) ? asked : options.address
    response.writeHead(302, { 'Location': `http://${typedAddress(host, options.port)}/`, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' })
    response.end('The workshop page moved to the live server\'s port.')
  })
  const listened = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false))
    server.listen(options.listenPort ?? 80, '0.0.0.0', () => resolve(true))
  })
  if (!listened)
    return undefined
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : options.listenPort ?? 80,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
