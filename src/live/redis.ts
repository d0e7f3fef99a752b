// @hocuspocus/extension-redis, with one change for latency: a change made on this instance is
// published to the other instances as the Yjs update itself, at once.
//
// The extension (4.7) publishes only a state vector (SyncStep1) on each change; a peer answers
// with its own state vector, and only then does this instance send the update: two round trips
// through Redis, and each peer computes a state diff of the whole document per change. With
// 300 phones on two instances that was most of the p95 (docs/benchmarks.md). Publishing the
// update is one hop and costs the size of the change. The state-vector exchange still runs, at
// most once a second per document, as anti-entropy: a publish that a peer missed (Redis
// pub/sub delivers at most once) is repaired by it.
//
// Redis lost: the instance goes on alone within a second (the client's reconnect attempts and
// errors are reported once, never left unhandled), publishes nothing until Redis is back, and
// then subscribes again and exchanges state vectors for every open document, so what each
// instance accepted meanwhile reaches the others. The same holds at start-up: a document opened
// while the connections are still opening waits for them (at most CONNECT_WAIT_MS), and one
// opened without them is subscribed the moment both are ready.
//
// It relies on two of the extension's members that its types mark private (`pubKey`,
// `encodeMessage`); without them (another version) the extension's own behaviour is kept.
import { Redis } from '@hocuspocus/extension-redis'
import { OutgoingMessage, type onChangePayload } from '@hocuspocus/server'
import * as Y from 'yjs'

const ANTI_ENTROPY_MS = 1000
/** How long a document opened at start-up waits for the connections to Redis to open. */
const CONNECT_WAIT_MS = 2000

interface Internals {
  pubKey?: (documentName: string) => string
  subKey?: (documentName: string) => string
  replyKey?: (identifier: string) => string
  encodeMessage?: (message: Uint8Array) => Buffer
  publishFirstSyncStep?: (documentName: string, document: Y.Doc) => Promise<unknown>
  documents?: Map<string, Y.Doc>
  replySubscription?: Promise<unknown>
  redlock?: { on: (event: string, listener: (e: Error) => void) => void }
  configuration: { identifier: string }
}

type RedisConfiguration = ConstructorParameters<typeof Redis>[0]

/** The ioredis client's options: a lost Redis fails a command after one reconnect, not twenty. */
const CLIENT_OPTIONS = { maxRetriesPerRequest: 1, connectTimeout: 1000, retryStrategy: (times: number) => Math.min(times * 100, 1000) }

export class LiveRedis extends Redis {
  private updates = new Map<string, Uint8Array[]>()
  private resync = new Map<string, ReturnType<typeof setTimeout>>()
  private down = false
  private destroyed = false
  /** Documents opened while the connections were not ready: not yet subscribed. */
  private unsubscribed = new Set<string>()
  private waiters = new Set<() => void>()

  /** `onHealth`: a plain sentence while Redis is unreachable, undefined once it is back. */
  constructor(configuration: RedisConfiguration, private onHealth: (problem: string | undefined) => void = () => {}) {
    super({ ...configuration, options: { ...CLIENT_OPTIONS, ...configuration.options } })
    const self = this as unknown as Internals
    // Redlock reports a failed lock as an 'error' event: unheard, it would end the process.
    self.redlock?.on('error', () => {})
    const where = `${configuration.host ?? '127.0.0.1'}:${configuration.port ?? 6379}`
    const lost = (e?: Error) => {
      // An error while both connections work (a failed command) is not an outage.
      if (this.down || this.destroyed || this.up)
        return
      this.down = true
      this.settle()
      console.error(`live: Redis at ${where} is unreachable (${e?.message || 'connection closed'}): this instance goes on alone; phones on other instances do not see its changes until Redis is back.`)
      this.onHealth('Redis is unreachable: this server goes on alone, and phones on other servers do not see its changes until Redis is back (details in the server\'s terminal).')
    }
    for (const client of [this.pub, this.sub]) {
      client.on('error', (e: Error) => lost(e))
      client.on('close', () => lost())
      client.on('ready', () => {
        if (!this.up)
          return
        if (this.down)
          this.back(where)
        else if (this.unsubscribed.size)
          this.share([...this.unsubscribed])
        this.settle()
      })
    }
  }

  /** Resolves once both connections are ready, or after `ms` (Redis still connecting, or unreachable). */
  private ready(ms: number): Promise<void> {
    if (this.up)
      return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      timer.unref?.()
      const waiters = this.waiters
      function done() {
        clearTimeout(timer)
        waiters.delete(done)
        resolve()
      }
      waiters.add(done)
    })
  }

  /** Ends every wait for the connections: they are ready, or Redis is unreachable. */
  private settle() {
    for (const done of [...this.waiters])
      done()
  }

  /** Subscribes documents opened while Redis was not ready, and exchanges state vectors for them. */
  private share(names: string[]) {
    const self = this as unknown as Internals
    for (const name of names) {
      const document = self.documents?.get(name)
      this.unsubscribed.delete(name)
      if (!document)
        continue
      if (self.subKey)
        this.sub.subscribe(self.subKey(name)).catch(() => {})
      self.publishFirstSyncStep?.(name, document).catch(() => {})
    }
  }

  /** Both connections to Redis are usable. */
  get up(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready'
  }

  private back(where: string) {
    this.down = false
    console.error(`live: Redis at ${where} is back: this instance shares its documents again.`)
    this.onHealth(undefined)
    const self = this as unknown as Internals
    if (self.replyKey) {
      self.replySubscription = this.sub.subscribe(self.replyKey(self.configuration.identifier))
      self.replySubscription.catch(() => {})
    }
    // What changed on either side meanwhile: the state-vector exchange repairs it.
    this.share([...(self.documents?.keys() ?? [])])
  }

  override async afterLoadDocument(data: Parameters<Redis['afterLoadDocument']>[0]): Promise<void> {
    // Just started, the connections may still be opening: a document opened now (the session's
    // own, at start-up) waits for them a moment rather than staying unshared.
    if (!this.up && !this.down)
      await this.ready(CONNECT_WAIT_MS)
    if (this.up) {
      try {
        return await super.afterLoadDocument(data)
      }
      catch {}
    }
    // Without Redis the document still opens, on this instance alone; it is subscribed as soon
    // as both connections are ready (`share`), whether Redis was down or still connecting.
    ;(this as unknown as Internals).documents?.set(data.documentName, data.document)
    this.unsubscribed.add(data.documentName)
  }

  override async onStoreDocument(data: Parameters<Redis['onStoreDocument']>[0]): Promise<void> {
    if (this.up)
      return super.onStoreDocument(data)
  }

  override async onAwarenessUpdate(data: Parameters<Redis['onAwarenessUpdate']>[0]): Promise<void> {
    if (this.up)
      return super.onAwarenessUpdate(data)
  }

  override async beforeBroadcastStateless(data: Parameters<Redis['beforeBroadcastStateless']>[0]) {
    if (this.up)
      return super.beforeBroadcastStateless(data)
    return 0
  }

  override async onChange(data: onChangePayload): Promise<void> {
    const self = this as unknown as Internals
    const origin = data.transactionOrigin as { source?: string } | null
    if (origin?.source === 'redis' || !this.up)
      return
    if (typeof self.pubKey !== 'function' || typeof self.encodeMessage !== 'function')
      return super.onChange(data)
    const name = data.documentName
    // Coalesced per event-loop turn, as the extension does with its own publishes.
    const pending = this.updates.get(name)
    if (pending) {
      pending.push(data.update)
    }
    else {
      this.updates.set(name, [data.update])
      setImmediate(() => {
        const list = this.updates.get(name) ?? []
        this.updates.delete(name)
        const update = list.length === 1 ? list[0] : Y.mergeUpdates(list)
        const message = new OutgoingMessage(name).createSyncMessage().writeUpdate(update)
        this.pub.publish(self.pubKey!(name), self.encodeMessage!(message.toUint8Array()))
          .catch((error: Error) => console.error(`live: Redis publish failed for ${name}:`, error.message))
      })
    }
    if (!this.resync.has(name)) {
      this.resync.set(name, setTimeout(() => {
        this.resync.delete(name)
        super.onChange(data).catch(() => {})
      }, ANTI_ENTROPY_MS))
    }
  }

  override async onDestroy(): Promise<void> {
    this.destroyed = true
    for (const timer of this.resync.values())
      clearTimeout(timer)
    this.resync.clear()
    return super.onDestroy()
  }
}
