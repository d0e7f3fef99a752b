// `npm run bench:live`: a room of simulated phones against the live server, on loopback.
// 300 participants (real WebSocket clients, shaped like the join page: each opens the board's
// public document and applies every update) each add 20 ideas to one board, edit some and
// withdraw some (numbered operations, retried after a rate refusal as the join page does), then
// a vote phase (3 votes each), while a facilitator client watches the full board. Reported:
// acknowledged, lost (acknowledged but missing: must be 0), out of order (an entry not holding
// its phone's last acknowledged operation: must be 0), phone-to-facilitator latency
// (p50/p95/p99), a phone's work per update and a late joiner's download at the board's size,
// the server's CPU per operation and memory; with the server killed (SIGKILL) and restarted
// midway, the time for the whole room to be back after the new server is ready; across two
// instances through Redis, and with PostgreSQL when it is installed.
// Options: --participants 300 --each 20 --interval 1000 (ms between one phone's operations);
// --only <scenario words>; --short: 6 phones × 3 ideas, 200 ms apart (CI runs this).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import type * as Y from 'yjs'
import * as Yjs from 'yjs'
import { Facilitator, findPostgresBin, Participant, type ServerProcess, sessionToken, spawnServer, startPostgres, startRedis, synced, until } from '../../test/support/live-clients'
import { readPublicBoard } from '../live/join/read'

const { values } = parseArgs({ options: { participants: { type: 'string' }, each: { type: 'string' }, interval: { type: 'string' }, only: { type: 'string' }, short: { type: 'boolean', default: false } } })
const PARTICIPANTS = Number(values.participants ?? (values.short ? 6 : 300))
const EACH = Number(values.each ?? (values.short ? 3 : 20))
const INTERVAL = Number(values.interval ?? (values.short ? 200 : 1000))
const LIMITS = JSON.stringify({ entriesPerParticipant: EACH, rowsPerBoard: PARTICIPANTS * EACH, burst: 20, perSecond: 10 })
/** The join page's reconnect backoff (src/live/join/connection.ts), each phone its own first delay. */
const joinPageBackoff = () => ({ delay: 300 + Math.floor(Math.random() * 700), minDelay: 250, maxDelay: 2500, factor: 1.5 })
const TICK = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100)

/** Samples a process's resident memory and CPU time from /proc (Linux). */
function sampler(pids: () => number[]) {
  let peakRss = 0
  let peakCpu = 0
  const last = new Map<number, { cpu: number, at: number }>()
  const first = new Map<number, { cpu: number, at: number }>()
  const timer = setInterval(() => {
    let rss = 0
    for (const pid of pids()) {
      try {
        rss += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
        const cpu = (Number(fields[11]) + Number(fields[12])) * TICK
        const now = performance.now()
        const prev = last.get(pid)
        if (prev)
          peakCpu = Math.max(peakCpu, (cpu - prev.cpu) / (now - prev.at) * 100)
        if (!first.has(pid))
          first.set(pid, { cpu, at: now })
        last.set(pid, { cpu, at: now })
      }
      catch {}
    }
    peakRss = Math.max(peakRss, rss)
  }, 250)
  return {
    stop() {
      clearInterval(timer)
      let cpu = 0
      let span = 0
      for (const [pid, f] of first) {
        const l = last.get(pid)!
        cpu += l.cpu - f.cpu
        span = Math.max(span, l.at - f.at)
      }
      return { peakRssMb: Math.round(peakRss / 1e6), peakCpuPct: Math.round(peakCpu), avgCpuPct: span ? Math.round(cpu / span * 100) : 0, cpuMs: Math.round(cpu) }
    },
  }
}

/** Redis's own counters (INFO), read over a plain socket: what the instances exchanged. */
async function redisTraffic(port: number): Promise<{ publishes: number, bytes: number }> {
  const { connect } = await import('node:net')
  const text = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('INFO all\r\n'))
    let data = ''
    socket.on('data', (d) => {
      data += d
      const m = /^\$(\d+)\r\n/.exec(data)
      if (m && Buffer.byteLength(data) >= m[0].length + Number(m[1])) {
        socket.end()
        resolve(data)
      }
    })
    socket.on('error', reject)
  })
  const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? 0)
  return { publishes: num(/cmdstat_publish:calls=(\d+)/), bytes: num(/total_net_input_bytes:(\d+)/) + num(/total_net_output_bytes:(\d+)/) }
}

const pct = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : Number.NaN

interface Scenario { name: string, instances: number, killMidway: boolean, postgres?: boolean }

type Body = Record<string, unknown>
interface Op { seq: number, entry: string, body: Body }

/** A phone as the join page is one: numbered operations, retried after a refusal to wait. */
class Phone {
  seq = 0
  readonly ops: { op: Op, ok: boolean }[] = []
  constructor(readonly p: Participant, readonly n: number) {}
  async send(body: Body, entry: string): Promise<boolean> {
    const op: Op = { seq: ++this.seq, entry, body }
    const msg = `m${this.n}x${op.seq}xxxxxxxx`
    for (;;) {
      const r = await this.p.contribute('bench-ideas', body, msg, op.seq)
      if (!r.ok && (r.code === 'rate' || r.code === 'unsaved')) {
        await new Promise(resolve => setTimeout(resolve, (r.retryAfter ?? 1) * 1000))
        continue
      }
      this.ops.push({ op, ok: r.ok })
      return r.ok
    }
  }

  /** idea -> the text its last acknowledged operation left (undefined: withdrawn) */
  expected(): Map<string, string | undefined> {
    const out = new Map<string, string | undefined>()
    for (const { op, ok } of [...this.ops].sort((a, b) => a.op.seq - b.op.seq)) {
      if (ok && op.entry.startsWith('idea:'))
        out.set(op.entry.slice(5), op.body.op === 'withdraw' ? undefined : String((op.body.row as Record<string, unknown> | undefined)?.text))
    }
    return out
  }
}

async function run(s: Scenario) {
  const sessions = mkdtempSync(join(tmpdir(), 'kit-bench-live-'))
  const token = sessionToken(sessions, 'bench', { title: 'Bench' })
  const redis = s.instances > 1 ? await startRedis() : undefined
  const postgres = s.postgres ? await startPostgres() : undefined
  const args = (port = 0) => ['--session', 'bench', '--host', '127.0.0.1', '--port', String(port), '--limits', LIMITS, ...(redis ? ['--redis', `127.0.0.1:${redis.port}`] : []), ...(postgres ? ['--store', postgres.url] : [])]
  const env = { KIT_SESSIONS_DIR: sessions }
  const servers: ServerProcess[] = await Promise.all(Array.from({ length: s.instances }, () => spawnServer(env, args())))
  const usage = sampler(() => servers.map(x => x.child.pid!).filter(Boolean))

  const boss = new Facilitator(servers[0].wsUrl, token)
  await boss.ready()
  boss.show('bench-ideas')
  const { doc } = await boss.board('bench-ideas')
  const sentAt = new Map<string, number>()
  const delays: number[] = []
  const seen = new Set<string>()
  doc.getMap<Y.Map<unknown>>('rows:ideas').observe((event) => {
    const now = performance.now()
    for (const [id, change] of event.changes.keys) {
      if (change.action === 'add' && !seen.has(id)) {
        seen.add(id)
        const t0 = sentAt.get(id)
        if (t0 !== undefined)
          delays.push(now - t0)
      }
    }
  })

  const phones: Phone[] = []
  for (let i = 0; i < PARTICIPANTS; i++)
    phones.push(new Phone(new Participant(servers[i % s.instances].wsUrl, undefined, '', joinPageBackoff()), i))
  await Promise.all(phones.map(p => p.p.ready()))
  await Promise.all(phones.map(p => until(p.p.controlDoc, () => p.p.controlDoc.getMap('current').get('boardId') === 'bench-ideas', 30_000, 'the board on the phone')))
  // Every phone opens the board's public document, as the join page does; one of them is also
  // mirrored into a probe document, timing what a phone does with each update (apply, read).
  const publicDocs = await Promise.all(phones.map(p => p.p.open('bench-ideas')))
  const probe = new Yjs.Doc()
  Yjs.applyUpdate(probe, Yjs.encodeStateAsUpdate(publicDocs[0]))
  const phoneWork: number[] = []
  publicDocs[0].on('update', (update: Uint8Array) => {
    const t0 = performance.now()
    Yjs.applyUpdate(probe, update)
    readPublicBoard(probe)
    phoneWork.push(performance.now() - t0)
  })
  let phoneBytes = 0
  publicDocs[0].on('update', (u: Uint8Array) => { phoneBytes += u.length })

  const acked = new Set<string>()
  const ackDelays: number[] = []
  const benchCpu = process.cpuUsage()
  let refused = 0
  let operations = 0
  const adds = PARTICIPANTS * EACH
  let killed: Promise<void> | undefined
  let roomBackMs: number | undefined
  const started = performance.now()
  const killNow = () => {
    killed = (async () => {
      const victim = servers[0]
      const back = new Map<number, number>()
      const listeners = phones.map((p, i) => {
        const on = () => back.set(i, performance.now())
        p.p.control.on('synced', on)
        return () => p.p.control.off('synced', on)
      })
      victim.child.kill('SIGKILL')
      await new Promise(resolve => victim.child.once('exit', resolve))
      servers[0] = await spawnServer(env, args(victim.port))
      const ready = performance.now()
      // Phones of the other instance (Redis) never left: only the killed one's come back.
      const leaving = phones.filter((_, i) => i % s.instances === 0).length
      const deadline = ready + 60_000
      while (back.size < leaving && performance.now() < deadline)
        await new Promise(resolve => setTimeout(resolve, 50))
      roomBackMs = back.size >= leaving ? Math.max(...back.values()) - ready : Number.NaN
      listeners.forEach(off => off())
    })()
  }
  const timed = async (phone: Phone, body: Body, entry: string, id?: string) => {
    const begin = performance.now()
    if (id)
      sentAt.set(id, begin)
    operations++
    const ok = await phone.send(body, entry)
    ackDelays.push(performance.now() - begin)
    if (!ok)
      refused++
    return ok
  }
  const pace = (begin: number) => new Promise(resolve => setTimeout(resolve, Math.max(0, INTERVAL - (performance.now() - begin))))
  // Adds, with an edit after every 5th and a withdrawal (then one more add) after every 10th.
  await Promise.all(phones.map(async (phone, n) => {
    await new Promise(resolve => setTimeout(resolve, Math.random() * INTERVAL))
    const mine: string[] = []
    for (let i = 0, extra = 0; i < EACH + extra; i++) {
      const begin = performance.now()
      const id = `p${n}-i${i}`
      if (await timed(phone, { op: 'add', list: 'ideas', row: { id, text: `Idea ${i} from participant ${n}` } }, `idea:${id}`, id)) {
        acked.add(id)
        mine.push(id)
      }
      if (s.killMidway && !killed && acked.size >= adds / 2)
        killNow()
      await pace(begin)
      if (i % 5 === 4 && mine.length) {
        const target = mine[Math.floor(Math.random() * mine.length)]
        await timed(phone, { op: 'edit', list: 'ideas', row: { id: target, text: `Idea ${target}, edited at ${i}` } }, `idea:${target}`)
        await pace(performance.now())
      }
      if (i % 10 === 9 && mine.length && extra < Math.ceil(EACH / 10)) {
        const target = mine.splice(Math.floor(Math.random() * mine.length), 1)[0]
        await timed(phone, { op: 'withdraw', list: 'ideas', id: target }, `idea:${target}`)
        extra++
        await pace(performance.now())
      }
    }
  }))
  await killed
  const kept = () => phones.flatMap(p => [...p.expected()].filter(([, text]) => text !== undefined).map(([id]) => id))
  await until(doc, () => kept().every(id => doc.getMap('rows:ideas').has(id)), 30_000, 'every acknowledged idea at the facilitator').catch(() => {})
  const entries = doc.getMap('rows:ideas').size
  // A late joiner, at the board's full size: what it downloads.
  const late = new Participant(servers[0].wsUrl)
  await late.ready()
  const lateDoc = await late.open('bench-ideas')
  const lateJoinerKb = Math.round(Yjs.encodeStateAsUpdate(lateDoc).length / 102.4) / 10
  late.destroy()
  const workAdds = [...phoneWork].sort((a, b) => a - b)
  phoneWork.length = 0
  // The vote: three votes each, on ideas the phone sees (the top its public document holds).
  await Promise.all(phones.map(async (phone, n) => {
    await new Promise(resolve => setTimeout(resolve, Math.random() * INTERVAL))
    const shown = (readPublicBoard(publicDocs[n]).rows.ideas ?? []).map(i => i.id)
    for (let v = 0; v < 3 && shown.length; v++) {
      const begin = performance.now()
      const idea = shown[(n * 7 + v * 13) % shown.length]
      await timed(phone, { op: 'add', list: 'votes', row: { id: `v${n}-${v}`, idea } }, `vote:${idea}`)
      await pace(begin)
    }
  }))
  const elapsed = performance.now() - started
  const cpu = usage.stop()
  const clientCpu = process.cpuUsage(benchCpu)
  const workVotes = [...phoneWork].sort((a, b) => a - b)

  // Lost and out of order: read again from a fresh connection once everything is answered.
  for (const p of phones)
    p.p.destroy()
  boss.destroy()
  const check = new Facilitator(servers[0].wsUrl, token)
  const fresh = await check.board('bench-ideas')
  await synced(fresh.provider)
  const stored = fresh.doc.getMap<Y.Map<unknown>>('rows:ideas')
  let lost = 0
  let outOfOrder = 0
  for (const phone of phones) {
    for (const [id, text] of phone.expected()) {
      const row = stored.get(id)
      if (text === undefined && row)
        outOfOrder++
      else if (text !== undefined && !row)
        lost++
      else if (text !== undefined && row?.get('text') !== text)
        outOfOrder++
    }
  }
  check.destroy()
  const traffic = redis ? await redisTraffic(redis.port) : undefined
  await Promise.all(servers.map(x => x.stop()))
  await redis?.stop()
  await postgres?.stop()
  rmSync(sessions, { recursive: true, force: true })

  delays.sort((a, b) => a - b)
  ackDelays.sort((a, b) => a - b)
  const ms = (v: number) => Math.round(v * 100) / 100
  return {
    scenario: s.name,
    operations,
    acknowledged: operations - refused,
    refused,
    lost,
    outOfOrder,
    delayMs: { p50: Math.round(pct(delays, 0.5)), p95: Math.round(pct(delays, 0.95)), p99: Math.round(pct(delays, 0.99)), max: Math.round(delays.at(-1) ?? Number.NaN) },
    ackMs: { p50: Math.round(pct(ackDelays, 0.5)), p95: Math.round(pct(ackDelays, 0.95)), p99: Math.round(pct(ackDelays, 0.99)) },
    entries,
    phone: { workPerUpdateMs: { adds: { p50: ms(pct(workAdds, 0.5)), p95: ms(pct(workAdds, 0.95)) }, votes: { p50: ms(pct(workVotes, 0.5)), p95: ms(pct(workVotes, 0.95)) } }, lateJoinerKb, receivedKb: Math.round(phoneBytes / 1024) },
    roomBackMs: roomBackMs === undefined ? undefined : Math.round(roomBackMs),
    seconds: Math.round(elapsed / 100) / 10,
    server: { ...cpu, cpuMsPerOperation: Math.round(cpu.cpuMs / operations * 100) / 100 },
    /** the simulated phones and the facilitator share this process: its CPU, % of one core */
    clientsCpuPct: Math.round((clientCpu.user + clientCpu.system) / 1000 / elapsed * 100),
    loadAverage: (await import('node:os')).loadavg().map(v => v.toFixed(1)).join(' '),
    ...(traffic ? { redis: { publishesPerOperation: Math.round(traffic.publishes / operations * 10) / 10, bytesPerOperation: Math.round(traffic.bytes / operations) } } : {}),
  }
}

const SCENARIOS: Scenario[] = [
  { name: 'one server', instances: 1, killMidway: false },
  { name: 'one server, SIGKILL and restart midway', instances: 1, killMidway: true },
  { name: 'two instances through Redis', instances: 2, killMidway: false },
  ...(findPostgresBin() ? [{ name: 'two instances, Redis and PostgreSQL, SIGKILL midway', instances: 2, killMidway: true, postgres: true }] : []),
]

console.log(`Live benchmark: ${PARTICIPANTS} participants × ${EACH} ideas (with edits, withdrawals and 3 votes each), one operation every ${INTERVAL} ms per participant, loopback, Node ${process.version}, load average ${(await import('node:os')).loadavg().map(v => v.toFixed(1)).join(' ')}.`)
const results = []
for (const s of SCENARIOS.filter(x => !values.only || x.name.includes(values.only))) {
  const r = await run(s)
  results.push(r)
  console.log(`\n${r.scenario}: ${r.acknowledged}/${r.operations} acknowledged, ${r.refused} refused, lost ${r.lost}, out of order ${r.outOfOrder}; phone to facilitator p50 ${r.delayMs.p50} ms, p95 ${r.delayMs.p95} ms, p99 ${r.delayMs.p99} ms; acknowledgement p50 ${r.ackMs.p50} ms, p95 ${r.ackMs.p95} ms, p99 ${r.ackMs.p99} ms; at ${r.entries} entries a phone's work per update p95 ${r.phone.workPerUpdateMs.adds.p95} ms (adds) / ${r.phone.workPerUpdateMs.votes.p95} ms (votes), a late joiner downloads ${r.phone.lateJoinerKb} KB, a phone received ${r.phone.receivedKb} KB in all${r.roomBackMs !== undefined ? `; room back ${r.roomBackMs} ms after the new server was ready` : ''}; server CPU ${r.server.cpuMsPerOperation} ms per operation (avg ${r.server.avgCpuPct} %, peak ${r.server.peakCpuPct} % of one core), peak ${r.server.peakRssMb} MB; ${r.seconds} s; clients' process CPU ${r.clientsCpuPct} %; load average ${r.loadAverage}${r.redis ? `; Redis: ${r.redis.publishesPerOperation} publishes and ${r.redis.bytesPerOperation} bytes per operation` : ''}`)
}
console.log(`\n${JSON.stringify(results)}`)
// A run that had nothing acknowledged measured nothing: that fails too.
process.exit(results.length && results.every(r => r.lost === 0 && r.outOfOrder === 0 && r.acknowledged > 0) ? 0 : 1)
