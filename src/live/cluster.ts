// What several live server instances must agree on beyond the documents: each participant's
// rate limit and the number of people joined. Kept in the Redis the instances already share
// (the client of @hocuspocus/extension-redis), so a participant with two tabs on two instances
// has one budget, and the presenter's count covers every instance.
//
// Count limits (entries per participant, rows per board) need nothing here: they are read
// from the board document, which every instance shares through the Redis extension.
import { randomBytes } from 'node:crypto'

/** What is used of the Redis extension's ioredis client (ioredis itself is the extension's dependency). */
interface Client {
  defineCommand: (name: string, definition: { numberOfKeys: number, lua: string }) => void
  zrem: (key: string, ...members: string[]) => Promise<unknown>
  multi: () => {
    zrem: (key: string, ...members: string[]) => unknown
    zadd: (key: string, ...scoreMembers: (string | number)[]) => unknown
    zremrangebyscore: (key: string, min: string | number, max: string | number) => unknown
    zrange: (key: string, start: number, stop: number) => unknown
    exec: () => Promise<[Error | null, unknown][] | null>
  }
}

// A token bucket per participant, refilled at `rate` a second up to `burst`, on Redis's clock
// (instances on several machines need not agree on the time). Returns the seconds to wait, 0 when a token was taken.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local wait = 0
if tokens < 1 then
  wait = math.ceil((1 - tokens) / rate)
else
  tokens = tokens - 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 60000)
return wait
`

/** How long an instance's joined participants count without a heartbeat (a killed instance's drop out). */
const JOINED_TTL = 30_000
/** How often an instance reads the others' count (and every fifth time, renews its own). */
const POLL = 2_000

export class ClusterState {
  readonly instance = `${process.pid}-${randomBytes(4).toString('hex')}`
  private timer: ReturnType<typeof setInterval> | undefined
  private published = new Set<string>()
  private count = 0

  constructor(private redis: Client, private prefix: string, private local: () => Set<string>, private onCount: (n: number) => void) {
    // Sent once, then called by its hash (EVALSHA): a contribution costs a few bytes, not the script.
    redis.defineCommand('kitLiveTake', { numberOfKeys: 1, lua: TAKE })
  }

  private get joinedKey() { return `${this.prefix}:live:joined` }

  start(): void {
    let tick = 0
    this.timer = setInterval(() => this.sync(++tick % 5 === 0).catch(() => {}), POLL)
    this.timer.unref()
  }

  /** One token of the participant's budget, shared by every instance; seconds to wait when none is left. */
  async take(participantId: string, burst: number, perSecond: number): Promise<number> {
    const take = (this.redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>).kitLiveTake
    return Number(await take.call(this.redis, `${this.prefix}:live:rate:${participantId}`, burst, perSecond))
  }

  /** Publishes this instance's joined participants and reads everyone's; calls onCount when it changed. */
  async sync(refresh = false): Promise<void> {
    const now = Date.now()
    const mine = this.local()
    const members = (ids: Iterable<string>) => [...ids].map(id => `${this.instance}|${id}`)
    const gone = [...this.published].filter(id => !mine.has(id))
    const added = refresh ? [...mine] : [...mine].filter(id => !this.published.has(id))
    const multi = this.redis.multi()
    if (gone.length)
      multi.zrem(this.joinedKey, ...members(gone))
    if (added.length)
      multi.zadd(this.joinedKey, ...members(added).flatMap(m => [now + JOINED_TTL, m]))
    multi.zremrangebyscore(this.joinedKey, '-inf', now)
    multi.zrange(this.joinedKey, 0, -1)
    const results = await multi.exec()
    this.published = new Set(mine)
    const all = (results?.at(-1)?.[1] ?? []) as string[]
    const count = new Set(all.map(m => m.slice(m.indexOf('|') + 1))).size
    if (count !== this.count) {
      this.count = count
      this.onCount(count)
    }
  }

  joined(): number {
    return this.count
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    if (this.published.size)
      await this.redis.zrem(this.joinedKey, ...[...this.published].map(id => `${this.instance}|${id}`)).catch(() => {})
  }
}
