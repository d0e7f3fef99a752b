// The charter's worksheet: one section per part of the charter, and its milestones.
import { displayValue } from '../kit/fields'
import type { WorksheetModel, WorksheetSpec } from '../kit/worksheet'
import { type CharterData, DECISION_LABELS, DECISION_LEVELS, LEVEL_LABELS, MILESTONE_FIELDS } from './model'

export const worksheet: WorksheetSpec<CharterData> = { extend: addCharter }

function addCharter(model: WorksheetModel, d: CharterData, t: (s: string) => string): void {
  const w = d.waysOfWorking
  const text = (value: string, lines: number) => ({ text: value.trim() || undefined, lines: value.trim() ? 0 : lines })
  const c = d.conduct
  const b = d.takeBack
  const m = d.mission
  const mission = [m.with, m.do, m.for, m.soThat].some(v => v.trim())
    ? [m.with && `${m.with},`, m.do, m.for, m.soThat].filter(Boolean).join(' ')
    : ''
  const rule = (r: CharterData['takeBack']['ratifyRule'], detail = '') => [r ? t(DECISION_LABELS[r]) : '', detail.trim()].filter(Boolean).join(' · ')
  model.sections = [
    { heading: `${t('Cover note')} (${t('your story of now (module 1): the challenge, the hope, and what you ask of people by when')})`, ...text(b.coverNote, 3) },
    { heading: `${t('Mission')} (${t('With whom, we do what, for whom, so that what changes')})`, ...text(mission, 2) },
    { heading: `${t('Vision')} (${t('one line')})`, ...text(d.vision, 1) },
    { heading: t('Values'), ...text(d.values.join(' · '), 2) },
    { heading: t('Not yet'), ...text(d.notYet.join(' · '), 2) },
    { heading: t('Recognition'), ...text(d.recognition, 2) },
    // One line per level: the rule (and its silence period, voters or decider), and what it covers.
    ...DECISION_LEVELS.map(k => ({
      heading: `${t('Decisions')}: ${t(LEVEL_LABELS[k])} (${t('rule')} · ${t('what it covers')})`,
      ...text([rule(d.decisions[k].rule, d.decisions[k].detail), d.decisions[k].scope.trim()].filter(Boolean).join(' · '), 1),
    })),
    { heading: t('Meetings'), ...text(w.meetingCadence, 1) },
    { heading: t('Channels'), ...text(w.channels.join(', '), 1) },
    { heading: t('Roles'), ...text(w.roles.join(', '), 1) },
    { heading: t('Membership'), ...text(w.membershipTerms, 2) },
    { heading: `${t('Conduct')}: ${t('Report to')}`, ...text(c.reportTo, 1) },
    { heading: `${t('Conduct')}: ${t('Second route, if that person is involved')}`, ...text(c.secondRoute, 1) },
    { heading: `${t('Conduct')}: ${t('Who responds')} · ${t('How fast')}`, ...text([c.responders, c.responseTime].filter(v => v.trim()).join(' · '), 1) },
    { heading: t('Code of conduct link'), ...text(c.link, 1) },
    { heading: `1 ${t('Communicate: where')}`, ...text(b.communicateWhere, 1) },
    { heading: `2 ${t('Consult: with whom')}`, ...text(b.consultWith.join(', '), 1) },
    { heading: `${t('Consult: how')} (${t('until')} ${b.consultUntil || '…'})`, ...text(b.consultHow, 1) },
    { heading: `3 ${t('Ratify: decision rule')} · ${t('Ratify: who decides')}`, ...text([rule(b.ratifyRule), b.ratifiedBy.trim()].filter(Boolean).join(' · '), 1) },
    { heading: `4 ${t('Publish: where')}`, ...text(b.publishWhere, 1) },
    { heading: `5 ${t('Review date')} · ${t('Review: owner')}`, ...text([b.reviewDate, b.reviewOwner.trim()].filter(Boolean).join(' · '), 1) },
    { heading: t('Licence'), ...text(d.licence, 1) },
  ]
  model.tables.push({
    caption: t('Milestones'),
    columns: MILESTONE_FIELDS.map(f => t(f.label)),
    rows: d.milestones.map((m) => {
      const row = m as unknown as Record<string, unknown>
      return MILESTONE_FIELDS.map(f => (f.kind === 'choice' ? t(displayValue(f, row[f.key])) : displayValue(f, row[f.key])))
    }),
    blankRows: d.milestones.length ? 0 : 3,
  })
}
