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
// It relies on two of the extension's members that its types mark private (`pubKey`,
// `encodeMessage`); without them (another version) the extension's own behaviour is kept.
import { Redis } from '@hocuspocus/extension-redis'
import { OutgoingMessage, type onChangePayload } from '@hocuspocus/server'
import * as Y from 'yjs'

const ANTI_ENTROPY_MS = 1000

interface Internals {
  pubKey?: (documentName: string) => string
  encodeMessage?: (message: Uint8Array) => Buffer
}

export class LiveRedis extends Redis {
  private updates = new Map<string, Uint8Array[]>()
  private resync = new Map<string, ReturnType<typeof setTimeout>>()

  override async onChange(data: onChangePayload): Promise<void> {
    const self = this as unknown as Internals
    const origin = data.transactionOrigin as { source?: string } | null
    if (origin?.source === 'redis')
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
    for (const timer of this.resync.values())
      clearTimeout(timer)
    this.resync.clear()
    return super.onDestroy()
  }
}
