// `npm run bench:live`: a room of simulated phones against the live server, on loopback.
// 300 participants (real WebSocket clients) each add 20 ideas to one board while a facilitator
// client watches the board; measured: contributions lost (acknowledged but missing: must be 0),
// participant-to-facilitator delay (p50/p95/max), the server's peak memory and CPU. Then the
// same with the server killed (SIGKILL) and restarted midway, and across two instances through
// Redis. Options: --participants 300 --each 20 --interval 1000 (ms between one phone's ideas);
// --short: 6 phones × 3 ideas, 200 ms apart (CI runs this so the benchmark cannot rot unnoticed).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import type * as Y from 'yjs'
import { Facilitator, Participant, type ServerProcess, sessionToken, spawnServer, startRedis, synced, until } from '../live/node-clients'

const { values } = parseArgs({ options: { participants: { type: 'string' }, each: { type: 'string' }, interval: { type: 'string' }, only: { type: 'string' }, short: { type: 'boolean', default: false } } })
const PARTICIPANTS = Number(values.participants ?? (values.short ? 6 : 300))
const EACH = Number(values.each ?? (values.short ? 3 : 20))
const INTERVAL = Number(values.interval ?? (values.short ? 200 : 1000))
const LIMITS = JSON.stringify({ entriesPerParticipant: EACH, rowsPerBoard: PARTICIPANTS * EACH, burst: 20, perSecond: 10 })
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
      return { peakRssMb: Math.round(peakRss / 1e6), peakCpuPct: Math.round(peakCpu), avgCpuPct: span ? Math.round(cpu / span * 100) : 0 }
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

interface Scenario { name: string, instances: number, killMidway: boolean }

async function run(s: Scenario) {
  const sessions = mkdtempSync(join(tmpdir(), 'kit-bench-live-'))
  const token = sessionToken(sessions, 'bench', { title: 'Bench' })
  const redis = s.instances > 1 ? await startRedis() : undefined
  const args = (port = 0) => ['--session', 'bench', '--host', '127.0.0.1', '--port', String(port), '--limits', LIMITS, ...(redis ? ['--redis', `127.0.0.1:${redis.port}`] : [])]
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
  doc.getMap<Y.Map<unknown>>('ideas').observe((event) => {
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

  const phones: Participant[] = []
  for (let i = 0; i < PARTICIPANTS; i++)
    phones.push(new Participant(servers[i % s.instances].wsUrl))
  await Promise.all(phones.map(p => p.ready()))
  await Promise.all(phones.map(p => until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === 'bench-ideas', 30_000, 'the board on the phone')))

  const acked = new Set<string>()
  const ackDelays: number[] = []
  const benchCpu = process.cpuUsage()
  const refused: string[] = []
  const total = PARTICIPANTS * EACH
  let killed: Promise<void> | undefined
  const started = performance.now()
  await Promise.all(phones.map(async (p, n) => {
    // Phones start at random moments within one interval, as a room does.
    await new Promise(resolve => setTimeout(resolve, Math.random() * INTERVAL))
    for (let i = 0; i < EACH; i++) {
      const id = `p${n}-i${i}`
      const begin = performance.now()
      sentAt.set(id, begin)
      const r = await p.contribute('bench-ideas', { op: 'add', id, text: `Idea ${i} from participant ${n}` })
      ackDelays.push(performance.now() - begin)
      if (r.ok)
        acked.add(id)
      else
        refused.push(`${id}: ${r.code}`)
      if (s.killMidway && !killed && acked.size >= total / 2) {
        killed = (async () => {
          const victim = servers[0]
          victim.child.kill('SIGKILL')
          await new Promise(resolve => victim.child.once('exit', resolve))
          servers[0] = await spawnServer(env, args(victim.port))
        })()
      }
      await new Promise(resolve => setTimeout(resolve, Math.max(0, INTERVAL - (performance.now() - begin))))
    }
  }))
  await killed
  const elapsed = performance.now() - started
  await until(doc, () => [...acked].every(id => doc.getMap('ideas').has(id)), 30_000, 'every acknowledged idea at the facilitator').catch(() => {})
  const cpu = usage.stop()
  const clientCpu = process.cpuUsage(benchCpu)

  // Lost: acknowledged, but not in the store once everything is closed and read again.
  for (const p of phones)
    p.destroy()
  boss.destroy()
  const check = new Facilitator(servers[0].wsUrl, token)
  const fresh = await check.board('bench-ideas')
  await synced(fresh.provider)
  const stored = new Set(fresh.doc.getMap('ideas').keys())
  const lost = [...acked].filter(id => !stored.has(id)).length
  check.destroy()
  // Load-independent: how much the instances said to each other per contribution.
  const traffic = redis ? await redisTraffic(redis.port) : undefined
  await Promise.all(servers.map(x => x.stop()))
  await redis?.stop()
  rmSync(sessions, { recursive: true, force: true })

  delays.sort((a, b) => a - b)
  ackDelays.sort((a, b) => a - b)
  return {
    scenario: s.name,
    sent: total,
    acknowledged: acked.size,
    refused: refused.length,
    lost,
    duplicates: fresh.doc.getMap('ideas').size - stored.size,
    delayMs: { p50: Math.round(pct(delays, 0.5)), p95: Math.round(pct(delays, 0.95)), max: Math.round(delays.at(-1) ?? Number.NaN) },
    ackMs: { p50: Math.round(pct(ackDelays, 0.5)), p95: Math.round(pct(ackDelays, 0.95)) },
    seconds: Math.round(elapsed / 100) / 10,
    server: cpu,
    /** the simulated phones and the facilitator share this process: its CPU, % of one core */
    clientsCpuPct: Math.round((clientCpu.user + clientCpu.system) / 1000 / elapsed * 100),
    loadAverage: (await import('node:os')).loadavg()[0].toFixed(1),
    ...(traffic ? { redis: { publishesPerContribution: Math.round(traffic.publishes / total * 10) / 10, bytesPerContribution: Math.round(traffic.bytes / total) } } : {}),
  }
}

const SCENARIOS: Scenario[] = [
  { name: 'one server', instances: 1, killMidway: false },
  { name: 'one server, SIGKILL and restart midway', instances: 1, killMidway: true },
  { name: 'two instances through Redis', instances: 2, killMidway: false },
]

console.log(`Live benchmark: ${PARTICIPANTS} participants × ${EACH} ideas, one every ${INTERVAL} ms per participant, loopback, Node ${process.version}.`)
const results = []
for (const s of SCENARIOS.filter(x => !values.only || x.name.includes(values.only))) {
  const r = await run(s)
  results.push(r)
  console.log(`\n${r.scenario}: ${r.acknowledged}/${r.sent} acknowledged, ${r.refused} refused, lost ${r.lost}; delay p50 ${r.delayMs.p50} ms, p95 ${r.delayMs.p95} ms, max ${r.delayMs.max} ms; ${r.seconds} s; server peak ${r.server.peakRssMb} MB, CPU avg ${r.server.avgCpuPct} % / peak ${r.server.peakCpuPct} % (of one core); acknowledgement p50 ${r.ackMs.p50} ms, p95 ${r.ackMs.p95} ms; clients' process CPU ${r.clientsCpuPct} %; load average ${r.loadAverage}${r.redis ? `; Redis: ${r.redis.publishesPerContribution} publishes and ${r.redis.bytesPerContribution} bytes per contribution` : ''}`)
}
console.log(`\n${JSON.stringify(results)}`)
// A run that had nothing acknowledged measured nothing: that fails too.
process.exit(results.length && results.every(r => r.lost === 0 && r.acknowledged > 0) ? 0 : 1)
