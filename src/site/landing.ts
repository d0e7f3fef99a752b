// The landing page of the built site: every module with its length, objectives and agenda.
// Plain HTML with no script and no font from another host: it opens anywhere, even offline.
import type { DeckSummary } from '../content/decks'
import { blockRange } from '../content/timing'
import type { Cohort } from '../cohort/schema'
import { licenceHtml } from '../content/licence'
import { catalogueFor, count, translate } from '../i18n/labels'
import { escapeHtml } from '../output/html'
import { PARTICIPANT_KINDS } from '../output/names'

export interface LandingOptions {
  title: string
  decks: DeckSummary[]
  /** handout links per deck name, relative to the site root */
  handouts?: Record<string, { kind: string, href: string }[]>
  /** a cohort's kit: its details and each module's session start */
  cohort?: Cohort
  sessions?: Record<string, string>
  /** link the participants' page (participants.html) */
  participants?: boolean
  /** the kit's worked examples copied into the site (pages.ts, copyWorkedExamples) */
  examples?: WorkedExample[]
}

/** A worked example in the site: examples/<name>/, its title, and its files to import. */
export interface WorkedExample {
  name: string
  title: string
  /** every board's file in one (all-boards.json) and the charter it gives (CHARTER.md), where the example has them */
  allBoards: boolean
  charter: boolean
}

export function formatSession(start: string, timezone: string, language = 'en'): string {
  // The start is a wall-clock time in the cohort's zone; show it as written, with the zone.
  const [date, time] = start.split('T')
  const day = new Date(`${date}T12:00:00Z`).toLocaleDateString(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  return `${day}, ${time} (${timezone})`
}

// Catalogue keys: the page is in the cohort's language (English for the upstream site).
const HANDOUT_LABELS: Record<string, string> = {
  'slides': 'Slides (PDF)',
  'notes': 'Slides with space for notes, three a page (PDF)',
  'worksheets': 'Worksheets, blank (PDF)',
  'worksheets-filled': 'Worksheets filled in with a worked example (PDF)',
  'facilitator-guide': 'Facilitator guide (PDF)',
}

export function renderLanding({ title, decks, handouts = {}, cohort, sessions = {}, participants = false, examples = [] }: LandingOptions): string {
  const total = decks.reduce((n, d) => n + (d.minutes ?? 0), 0)
  const language = cohort?.language
  const t = (text: string, n?: number) => escapeHtml(translate(text, language, n))
  const c = (n: number, one: string, other: string) => escapeHtml(count(n, one, other, language))
  const cards = decks.map(d => `
    <article class="module" aria-labelledby="m${d.number}-title">
      <h2 id="m${d.number}-title"><a href="./${d.name}/">${d.number === 0 ? '' : `${t('Module {n}:', d.number)} `}${escapeHtml(d.title)}</a></h2>
      ${cohort && sessions[d.name] ? `<p class="session">${t('Session:')} ${escapeHtml(formatSession(sessions[d.name], cohort.timezone, cohort.language))}</p>` : ''}
      <p class="meta"><span>${d.minutes === undefined ? t('{n} minutes').replace('{n}', '?') : c(d.minutes, '{n} minute', '{n} minutes')}</span> · <span>${c(d.slideCount, '{n} slide', '{n} slides')}</span> · <a href="./${d.name}/#/presenter/1">${t('presenter view')}</a></p>
      ${d.subtitle ? `<p>${escapeHtml(d.subtitle)}</p>` : ''}
      ${handouts[d.name]?.length ? `<p class="handouts">${t('Handouts:')} ${handouts[d.name].map(h => `<a href="./${h.href}">${t(HANDOUT_LABELS[h.kind] ?? h.kind)}</a>`).join(' · ')}</p>` : ''}
      <h3>${t('Participants can…')}</h3>
      <ul class="objectives">${d.objectives.map(o => `<li>${escapeHtml(o)}</li>`).join('')}</ul>
      <details>
        <summary>${t('Agenda')}</summary>
        <table><thead><tr><th scope="col">${t('Minutes')}</th><th scope="col">${t('Block')}</th></tr></thead><tbody>
        ${d.agenda.map(b => `<tr><td>${blockRange(b)}</td><td>${escapeHtml(b.title)}</td></tr>`).join('')}
        </tbody></table>
      </details>
    </article>`).join('\n')

  return pageShell(language, escapeHtml(title), `
  <h1>${escapeHtml(title)}</h1>
  ${cohort ? `<p class="cohort">${escapeHtml(cohort.organisation)} · ${escapeHtml(cohort.venue)} · ${t('Facilitators:')} ${cohort.facilitators.map(f => escapeHtml(`${f.name}${f.pronouns ? ` (${f.pronouns})` : ''}`)).join(', ')}</p>` : ''}
  <p>${c(decks.length, '{n} deck', '{n} decks')}, ${c(total, '{n} minute of facilitated sessions', '{n} minutes of facilitated sessions')}. ${t('Open a deck to present it; press {key} for the slide overview, or open the presenter view for notes and timings.').replace('{key}', '<kbd>o</kbd>')}</p>
  ${examples.length ? `<p class="examples">${t('Worked examples: every board\'s file in one (the charter builder takes it from files) and the charter it gives:')} ${examples.map(e => [
    escapeHtml(e.title),
    ...(e.allBoards ? [`<a href="./examples/${encodeURIComponent(e.name)}/all-boards.json">${t('every board (JSON)')}</a>`] : []),
    ...(e.charter ? [`<a href="./examples/${encodeURIComponent(e.name)}/CHARTER.md">${t('its charter (Markdown)')}</a>`] : []),
  ].join(' · ')).join('; ')}.</p>` : ''}
  ${participants ? `<p class="participants-link">${t('{link}: the decks to follow, their worksheets and how to join, without the presenter view or the facilitator guide. Share this one with your group.').replace('{link}', `<a href="./participants.html">${t('The page for participants')}</a>`)}</p>` : ''}
`, cards)
}

export interface ParticipantsOptions {
  title: string
  decks: DeckSummary[]
  /** the participants' handouts per deck name (never the facilitator guide) */
  handouts?: Record<string, { kind: string, href: string }[]>
  cohort?: Cohort
  sessions?: Record<string, string>
}

/**
 * The page for participants: each module's deck to follow, its handouts, and how to join the
 * boards. It links neither the presenter view nor the facilitator guide.
 */
export function renderParticipants({ title, decks, handouts = {}, cohort, sessions = {} }: ParticipantsOptions): string {
  const language = cohort?.language
  const t = (text: string, n?: number) => escapeHtml(translate(text, language, n))
  const cards = decks.map(d => {
    const own = (handouts[d.name] ?? []).filter(h => (PARTICIPANT_KINDS as readonly string[]).includes(h.kind))
    return `
    <article class="module" aria-labelledby="m${d.number}-title">
      <h2 id="m${d.number}-title">${d.number === 0 ? '' : `${t('Module {n}:', d.number)} `}${escapeHtml(d.title)}</h2>
      ${cohort && sessions[d.name] ? `<p class="session">${t('Session:')} ${escapeHtml(formatSession(sessions[d.name], cohort.timezone, cohort.language))}</p>` : ''}
      ${d.subtitle ? `<p>${escapeHtml(d.subtitle)}</p>` : ''}
      <p>${t('{link} ({minutes}; the arrow keys move through them).').replace('{minutes}', d.minutes === undefined ? t('{n} minutes').replace('{n}', '?') : escapeHtml(count(d.minutes, '{n} minute', '{n} minutes', language))).replace('{link}', `<a href="./${d.name}/">${t('Follow the slides')}</a>`)}</p>
      ${own.length ? `<p class="handouts">${t('To print or download:')} ${own.map(h => `<a href="./${h.href}">${t(HANDOUT_LABELS[h.kind] ?? h.kind)}</a>`).join(' · ')}</p>` : ''}
      <h3>${t('You will be able to…')}</h3>
      <ul class="objectives">${d.objectives.map(o => `<li>${escapeHtml(o)}</li>`).join('')}</ul>
    </article>`
  }).join('\n')
  return pageShell(language, `${escapeHtml(title)}: ${t('for participants')}`, `
  <h1>${escapeHtml(title)}</h1>
  ${cohort ? `<p class="cohort">${escapeHtml(cohort.organisation)} · ${escapeHtml(cohort.venue)} · ${t('Facilitators:')} ${cohort.facilitators.map(f => escapeHtml(`${f.name}${f.pronouns ? ` (${f.pronouns})` : ''}`)).join(', ')}</p>` : ''}
  <p>${t('Welcome. Here are the modules you will take part in: the slides to follow, and the worksheets to print or fill in.')}</p>
  <h2>${t('How to join')}</h2>
  <ul>
    <li>${t('In the room, your facilitator shows a join slide with a code, an address and a QR code: scan it or type the address on your phone, on the same network as the room. You may give a name or stay anonymous; no app and no account.')}</li>
    <li>${t('No phone, or no live boards that day? The printed worksheets below do the same job on paper.')}</li>
    <li>${t('Online, your facilitator shares the address in the call\'s chat.')}</li>
  </ul>
`, cards)
}


/**
 * The page around the landing page and the participants' page: one look, the page's language,
 * the favicon and the licence footer. `title` and `header` are HTML, already escaped.
 */
function pageShell(language: string | undefined, title: string, header: string, cards: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(catalogueFor(language)?.code ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="./favicon.svg" type="image/svg+xml">
<style>
  body { font-family: system-ui, sans-serif; color: #1b1f24; margin: 0; background: #f6f8f9; line-height: 1.5; }
  header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
  header h1 { color: #0b5d6b; margin-bottom: 0.2rem; }
  .module { background: #fff; border: 1px solid #c9d1d9; border-radius: 0.5rem; padding: 1rem 1.5rem; margin-bottom: 1rem; }
  .module h2 { margin: 0 0 0.3rem; font-size: 1.3rem; }
  a { color: #0b5d6b; }
  a:focus-visible { outline: 3px solid #8a3b00; outline-offset: 2px; }
  .meta { color: #4a5562; margin: 0; }
  table { border-collapse: collapse; } td, th { text-align: left; padding: 0.15rem 0.8rem 0.15rem 0; }
  footer { color: #4a5562; font-size: 0.9rem; }
</style>
</head>
<body>
<header>${header}</header>
<main>
${cards}
</main>
<footer>
  <p>${licenceHtml(text => translate(text, language))}</p>
</footer>
</body>
</html>
`
}
