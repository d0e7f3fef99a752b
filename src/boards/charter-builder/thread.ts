// The thread through the modules: what the charter builder takes from the JSON exports of
// earlier boards (any device: files), or from the boards this browser keeps (./browser.ts,
// which hands them in as the same exports). Each file is checked by its
// own board's `importJson`; a wrong file is refused by name. Nothing already in the charter is
// changed: lists gain what they lack, empty text gains a suggestion, filled text gains only
// lines it does not already hold, milestones are added when no milestone has that title.
import { boardByKind } from '..'
import { type BoardDefinition, importJson, FORMAT } from '../kit/board'
import { channelAudit } from '../channel-audit/model'
import type { CharterData, Milestone } from './model'
import { LIMITS } from '../kit/fields'
import { direction, lifecycleCompass, STAGE_LABELS, type Stage, STAGES } from '../lifecycle-compass/model'
import { mountainOfEngagement } from '../mountain-of-engagement/model'
import { raciMatrix } from '../raci-matrix/model'
import { stakeholderMap } from '../stakeholder-map/model'
import { LEDGER_FIELDS, valueExchangeLedger } from '../value-exchange-ledger/model'

export interface ThreadFile { name: string, text: string }

export type ThreadResult =
  | { file: string, ok: true, board: string, added: string[] }
  | { file: string, ok: false, error: string }

export type NewMilestone = Omit<Milestone, 'id'>

export interface Thread {
  /** the charter with everything merged in */
  data: CharterData
  /** plain fields to set, by path (what a board writes, one field at a time) */
  set: { path: string[], value: unknown }[]
  /** milestones to add */
  milestones: NewMilestone[]
  results: ThreadResult[]
}

const MAX_MILESTONES = 12
const MAX_LIST = 30

/** The boards the charter reads, and the ones it knows it reads nothing from. */
export const READS: readonly BoardDefinition<any>[] = [lifecycleCompass, stakeholderMap, raciMatrix, channelAudit, mountainOfEngagement, valueExchangeLedger]
/** Any other board of the registry: its export is read, and nothing taken from it. */
const readsNothingFrom = (kind: string) => !!boardByKind(kind) && !READS.some(d => d.kind === kind)

/** At most `max` characters, cut at a word, with an ellipsis. */
function clip(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ')
  if (t.length <= max)
    return t
  const cut = t.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}

const norm = (s: string) => s.trim().toLowerCase()

/** The stage most entries head forward to (the further one on a tie); none when nobody moves on. */
export function targetStage(entries: readonly { currentStage: Stage, targetStage: Stage }[]): Stage | undefined {
  const counts = new Map<Stage, number>()
  for (const e of entries) {
    if (direction(e).kind === 'forward')
      counts.set(e.targetStage, (counts.get(e.targetStage) ?? 0) + 1)
  }
  let best: Stage | undefined
  for (const stage of STAGES) {
    if ((counts.get(stage) ?? 0) > 0 && (!best || counts.get(stage)! >= counts.get(best)!))
      best = stage
  }
  return best
}

/** Reads every file and merges what the charter takes from it into `charter`. */
export function threadCharter(charter: CharterData, files: readonly ThreadFile[]): Thread {
  const data: CharterData = structuredClone(charter)
  const milestones: NewMilestone[] = []
  const results: ThreadResult[] = []
  const touched = new Set<string>()

  const addToList = (list: string[], items: string[], key: string, added: string[]) => {
    for (const item of items.map(i => clip(i, LIMITS.short)).filter(Boolean)) {
      if (list.length < MAX_LIST && !list.some(x => norm(x) === norm(item))) {
        list.push(item)
        added.push(item)
        touched.add(key)
      }
    }
  }
  /** Empty text gets the suggestion; filled text gets it as a new line unless it holds it already. */
  const addText = (current: string, line: string, max: number): string | undefined => {
    if (!line.trim() || norm(current).includes(norm(line)))
      return undefined
    const next = current.trim() ? `${current.trimEnd()}\n${line}` : line
    return next.length <= max ? next : undefined
  }
  const addMilestone = (m: NewMilestone, added: string[]) => {
    const all = [...data.milestones, ...milestones]
    if (all.length >= MAX_MILESTONES || all.some(x => norm(x.title) === norm(m.title)))
      return
    milestones.push(m)
    added.push(m.title)
  }

  const one = (file: string, text: string) => {
    let json: any
    try {
      json = JSON.parse(text)
    }
    catch (e) {
      results.push({ file, ok: false, error: `${file}: not valid JSON (${(e as Error).message}).` })
      return
    }
    // all-boards.json, or any list of exports: each one on its own.
    if (Array.isArray(json)) {
      json.forEach((item, i) => one(`${file} [${i + 1}]`, JSON.stringify(item)))
      return
    }
    const kind = json && typeof json === 'object' && json.format === FORMAT ? String(json.board) : undefined
    if (kind && readsNothingFrom(kind)) {
      results.push({ file, ok: true, board: kind, added: [] })
      return
    }
    const def = READS.find(d => d.kind === kind)
    if (!def) {
      results.push({ file, ok: false, error: `${file}: not an export of a board the charter reads (lifecycle compass, stakeholder map, RACI matrix, channel audit, mountain of engagement, value-exchange ledger).` })
      return
    }
    const read = importJson(def, text)
    if (!read.ok) {
      results.push({ file, ok: false, error: `${file}: ${read.error}` })
      return
    }
    const added: string[] = []
    const d: any = read.data
    switch (def.kind) {
      case lifecycleCompass.kind: {
        const stage = targetStage(d.entries)
        if (stage) {
          const changes = d.entries.filter((e: any) => e.targetStage === stage).map((e: any) => e.oneChangeNeeded.trim()).filter(Boolean)
          addMilestone({ title: `Reach the ${STAGE_LABELS[stage].toLowerCase()} stage`, type: 'status', horizon: 'long', targetDate: '', successIndicator: clip(changes.join('; '), LIMITS.medium), owner: '' }, added)
        }
        break
      }
      case stakeholderMap.kind: {
        // Those with most power and interest first: the ones a consultation must not miss.
        const names = [...d.stakeholders].sort((a: any, b: any) => (b.power + b.interest) - (a.power + a.interest)).map((s: any) => s.name)
        addToList(data.takeBack.consultWith, names, 'takeBack.consultWith', added)
        break
      }
      case raciMatrix.kind:
        addToList(data.waysOfWorking.roles, d.roles.map((r: any) => r.name), 'waysOfWorking.roles', added)
        break
      case channelAudit.kind:
        addToList(data.waysOfWorking.channels, d.channels.map((c: any) => c.channel), 'waysOfWorking.channels', added)
        break
      case mountainOfEngagement.kind:
        for (const p of d.personas) {
          for (const s of p.steps) {
            if (s.intervention.trim())
              addMilestone({ title: clip(s.intervention, LIMITS.short), type: 'status', horizon: 'short', targetDate: '', successIndicator: '', owner: s.owner.trim() }, added)
          }
        }
        break
      case valueExchangeLedger.kind: {
        const field = LEDGER_FIELDS.find(f => f.key === 'valueOffered')!
        const label = (v: string) => field.options.find(o => o.value === v)?.label ?? v
        const kinds = [...new Set<string>(d.rows.flatMap((r: any) => r.valueOffered as string[]))].map(label)
        if (kinds.length) {
          const next = addText(data.recognition, `What we offer in return (value-exchange ledger): ${kinds.join(', ')}.`, LIMITS.long)
          if (next !== undefined) {
            data.recognition = next
            touched.add('recognition')
            added.push(...kinds)
          }
        }
        // The recognition sentences written on the ledger's rows, each once.
        for (const row of d.rows) {
          const sentence = clip(String(row.recognition ?? ''), LIMITS.medium)
          const next = addText(data.recognition, sentence, LIMITS.long)
          if (next !== undefined) {
            data.recognition = next
            touched.add('recognition')
            added.push(sentence)
          }
        }
        break
      }
    }
    results.push({ file, ok: true, board: def.kind, added })
  }

  for (const f of files)
    one(f.name, f.text)
  data.milestones = [...data.milestones, ...milestones.map((m, i) => ({ id: `thread-${i + 1}`, ...m }))]
  const set = [...touched].map((path) => {
    const keys = path.split('.')
    return { path: keys, value: keys.reduce((o: any, k) => o[k], data) }
  })
  return { data, set, milestones, results }
}
