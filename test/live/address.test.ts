// The address participants type: the laptop's name only where the network resolves it to the
// address the server is reached at, else the IP address; no scheme, no path. The printed lines.
import { describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { joinLines, laptopName, shortRedirect, typedAddress } from '../../src/live/address'
import { liveConfig, shortAddress } from '../../src/live/config'

const table = (entries: Record<string, string[]>) => async (name: string) => {
  if (!Object.hasOwn(entries, name))
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' })
  return entries[name]
}

describe('the laptop\'s name', () => {
  it('is <name>.local when mDNS resolves it to the server\'s address', async () => {
    await expect(laptopName('192.168.1.20', { hostname: 'Lucias-MacBook-Air.local', resolve: table({ 'lucias-macbook-air.local': ['192.168.1.20'] }) })).resolves.toBe('lucias-macbook-air.local')
    await expect(laptopName('10.0.0.5', { hostname: 'kit-laptop', resolve: table({ 'kit-laptop.local': ['10.0.0.5'] }) })).resolves.toBe('kit-laptop.local')
  })

  it('is the full host name when the network\'s DNS resolves it (and .local does not)', async () => {
    await expect(laptopName('10.1.2.3', { hostname: 'pc7.lab.example.org', resolve: table({ 'pc7.lab.example.org': ['10.1.2.3'] }) })).resolves.toBe('pc7.lab.example.org')
  })

  it('is left out when the name resolves elsewhere (127.0.1.1 from /etc/hosts), not at all, or too slowly', async () => {
    await expect(laptopName('192.168.1.20', { hostname: 'debian', resolve: table({ 'debian.local': ['127.0.1.1'], 'debian': ['127.0.1.1'] }) })).resolves.toBeUndefined()
    await expect(laptopName('192.168.1.20', { hostname: 'debian', resolve: table({}) })).resolves.toBeUndefined()
    await expect(laptopName('192.168.1.20', { hostname: 'slow', timeoutMs: 20, resolve: () => new Promise(() => {}) })).resolves.toBeUndefined()
    await expect(laptopName('192.168.1.20', { hostname: 'localhost', resolve: async () => ['192.168.1.20'] })).resolves.toBeUndefined()
  })

  it('is looked up with node\'s resolver on this machine without failing', async () => {
    // Whatever this machine's network: a name that resolves to a documentation address is never found.
    await expect(laptopName('192.0.2.1', { timeoutMs: 2000 })).resolves.toBeUndefined()
  })
})

describe('the address to type', () => {
  it('has no scheme and no path, and no port when it is 80', () => {
    expect(typedAddress('192.168.1.20', 4321)).toBe('192.168.1.20:4321')
    expect(typedAddress('kit-laptop.local', 80)).toBe('kit-laptop.local')
    expect(typedAddress('fe80::1', 4321)).toBe('[fe80::1]:4321')
    expect(shortAddress('http://192.168.1.20:4321/')).toBe('192.168.1.20:4321')
  })

  it('is what npm run live prints first, with the IP address as the other way and the QR code\'s address', () => {
    const named = joinLines({ name: 'kit-laptop.local', address: '192.168.1.20', port: 4321 })
    expect(named.typed).toBe('kit-laptop.local:4321')
    expect(named.url).toBe('http://192.168.1.20:4321/')
    expect(named.lines[0]).toBe('Participants type:  kit-laptop.local:4321')
    expect(named.lines.join('\n')).toMatch(/or: {2}192\.168\.1\.20:4321/)
    expect(named.lines.at(-1)).toMatch(/scan the QR code \(http:\/\/192\.168\.1\.20:4321\/\)/)
    const plain = joinLines({ address: '192.168.1.20', port: 4321 })
    expect(plain.typed).toBe('192.168.1.20:4321')
    expect(plain.lines).toHaveLength(2)
  })

  it('reaches the join slide: the typed address, or the join address without scheme and slash', () => {
    const env = { VITE_KIT_LIVE_URL: 'ws://127.0.0.1:4321', VITE_KIT_LIVE_TOKEN: 't', VITE_KIT_LIVE_JOIN: 'http://192.168.1.20:4321/' }
    expect(liveConfig({ ...env, VITE_KIT_LIVE_TYPE: 'kit-laptop.local:4321' })?.typed).toBe('kit-laptop.local:4321')
    expect(liveConfig(env)?.typed).toBe('192.168.1.20:4321')
  })
})

describe('the redirect on port 80', () => {
  const location = (port: number, host: string) => new Promise<{ status?: number, location?: string }>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/j', headers: { host } }, (res) => {
      res.resume()
      resolve({ status: res.statusCode, location: res.headers.location })
    }).on('error', reject).end()
  })

  it('sends a phone to the live server\'s port under the name it typed, or the IP address for any other host', async () => {
    const redirect = await shortRedirect({ names: ['kit-laptop.local'], address: '192.168.1.20', port: 4321, listenPort: 0 })
    expect(redirect).toBeDefined()
    try {
      await expect(location(redirect!.port, 'Kit-Laptop.local')).resolves.toEqual({ status: 302, location: 'http://kit-laptop.local:4321/' })
      await expect(location(redirect!.port, '192.168.1.20')).resolves.toEqual({ status: 302, location: 'http://192.168.1.20:4321/' })
      await expect(location(redirect!.port, 'evil.example.org')).resolves.toEqual({ status: 302, location: 'http://192.168.1.20:4321/' })
    }
    finally {
      await redirect!.close()
    }
  })

  it('is left out when the port cannot be had, and then the address keeps its port', async () => {
    const first = await shortRedirect({ names: [], address: '127.0.0.1', port: 4321, listenPort: 0 })
    const second = await shortRedirect({ names: [], address: '127.0.0.1', port: 4321, listenPort: first!.port })
    expect(second).toBeUndefined()
    await first!.close()
    expect(joinLines({ name: 'kit-laptop.local', address: '192.168.1.20', port: 4321, typedPort: 80 }).typed).toBe('kit-laptop.local')
    expect(joinLines({ name: 'kit-laptop.local', address: '192.168.1.20', port: 4321, typedPort: 80 }).url).toBe('http://192.168.1.20:4321/')
  })
})
