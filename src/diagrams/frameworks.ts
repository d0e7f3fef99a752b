// The words of every framework diagram the decks draw: titles, parts, one-line meanings and
// the credit each slide gives. Plain data, so that a deck, a test and the Spanish phrasebook
// all read the same text; the drawings are in components/diagrams/.
// Stage names the boards also use come from the board models, so a stage reads the same on
// the diagram that teaches it and on the board that uses it.
import { STAGES, STAGE_LABELS } from '../boards/lifecycle-compass/model'
import { PATHWAY, PATHWAY_LABELS } from '../boards/mountain-of-engagement/model'
import { QUADRANTS } from '../boards/stakeholder-map/model'

/** A credit is text with, optionally, a work's title in italics. */
export type CreditPart = string | { em: string }
export type Credit = readonly CreditPart[]

export interface Part { key: string, label: string, meaning: string, example?: string }

export interface DiagramText {
  /** The diagram's accessible name. */
  title: string
  /** One sentence on how the drawing is laid out, read before its parts. */
  shape: string
  /** The credit printed under the diagram: the slide's own credit, with the licence where there is one. */
  credit: Credit
}

export const GOLDEN_CIRCLE = {
  title: 'The Golden Circle: why, how, what',
  shape: 'Three nested circles, read from the centre out: why, then how, then what.',
  credit: ['After Simon Sinek\'s Golden Circle (', { em: 'Start with Why' }, ', 2009), with How read as focus areas, or pillars (the kit\'s reading). Ideas paraphrased, drawing the kit\'s own.'],
  parts: [
    { key: 'why', label: 'Why', meaning: 'the purpose your community exists for' },
    { key: 'how', label: 'How', meaning: 'the focus areas that bring it closer' },
    { key: 'what', label: 'What', meaning: 'the activities people actually do' },
  ],
} as const satisfies DiagramText & { parts: readonly Part[] }

export const PUBLIC_NARRATIVE = {
  title: 'Public narrative: self, us, now',
  shape: 'Three overlapping circles, told together: self, us and now.',
  credit: ['After Marshall Ganz\'s public narrative (Leading Change Network), paraphrased.'],
  parts: [
    { key: 'self', label: 'Self', meaning: 'Why do I care? Which moment called me to act?' },
    { key: 'us', label: 'Us', meaning: 'What values and experiences does our community share?' },
    { key: 'now', label: 'Now', meaning: 'What challenge faces us, what gives us hope, what do we choose to do?' },
  ],
} as const satisfies DiagramText & { parts: readonly Part[] }

const LIFECYCLE_MEANINGS: Record<typeof STAGES[number], string> = {
  potential: 'A loose network finds a shared concern',
  coalescing: 'People meet, build trust, prove the value',
  maturing: 'Focus, roles and boundaries become clear',
  stewardship: 'The practice is kept fresh',
  transformation: 'It changes shape, merges or closes well',
}

export const LIFECYCLE = {
  title: 'A community\'s lifecycle: five stages of development',
  shape: 'Five numbered stages along a curve that rises and then falls over time.',
  credit: ['After Wenger, McDermott and Snyder (2002).'],
  parts: STAGES.map(key => ({ key, label: STAGE_LABELS[key], meaning: LIFECYCLE_MEANINGS[key] })),
} as const satisfies DiagramText & { parts: readonly Part[] }

export const COP_ELEMENTS = {
  title: 'Three elements of a community of practice: domain, community, practice',
  shape: 'Three overlapping circles: every community of practice has all three.',
  credit: ['Term: Lave and Wenger, ', { em: 'Situated Learning' }, ' (1991). Elements: Wenger, McDermott and Snyder (2002), via Wenger-Trayner (2015). Paraphrased.'],
  parts: [
    { key: 'domain', label: 'Domain', meaning: 'what we care about' },
    { key: 'community', label: 'Community', meaning: 'how we learn together' },
    { key: 'practice', label: 'Practice', meaning: 'what we share and build' },
  ],
} as const satisfies DiagramText & { parts: readonly Part[] }

export const PARTICIPATION_LEVELS = {
  title: 'Levels of participation in a community of practice',
  shape: 'Concentric rings, from the core group at the centre out to the transactional ring outside the community\'s edge.',
  credit: ['After Wenger-Trayner, "Levels of participation" (wenger-trayner.com, undated); core, active and peripheral after Wenger, McDermott and Snyder (2002). Paraphrased; open-source examples ours.'],
  parts: [
    { key: 'core', label: 'Core group', meaning: 'energises and leads', example: 'maintainers' },
    { key: 'active', label: 'Active', meaning: 'regular, recognised', example: 'regular contributors' },
    { key: 'occasional', label: 'Occasional', meaning: 'joins when a topic matters', example: 'one-off contributors' },
    { key: 'peripheral', label: 'Peripheral', meaning: 'sustained but light connection, often newcomers', example: 'watchers, readers' },
    { key: 'transactional', label: 'Transactional', meaning: 'uses outputs or services', example: 'users of a release' },
  ],
} as const satisfies DiagramText & { parts: readonly Part[] }

export const POWER_INTEREST = {
  title: 'The power/interest grid',
  shape: 'A two-by-two grid: power rises upwards, interest rises to the right.',
  credit: ['Grid after Johnson and Scholes (', { em: 'Exploring Corporate Strategy' }, '), adapting Mendelow (1981), who crossed power with environmental dynamism. Quadrant labels adapted from theirs (Key players, Keep satisfied, Keep informed, Minimal effort).'],
  axes: { power: 'Power →', interest: 'Interest →', lower: 'lower', higher: 'higher' },
  // Position in the grid: row 0 is higher power, column 1 is higher interest.
  quadrants: [
    { key: 'keep-satisfied', label: QUADRANTS['keep-satisfied'].label, meaning: 'higher power, lower interest', row: 0, col: 0 },
    { key: 'manage-closely', label: QUADRANTS['manage-closely'].label, meaning: 'higher power, higher interest', row: 0, col: 1 },
    { key: 'monitor', label: QUADRANTS.monitor.label, meaning: 'lower power, lower interest', row: 1, col: 0 },
    { key: 'keep-informed', label: QUADRANTS['keep-informed'].label, meaning: 'lower power, higher interest', row: 1, col: 1 },
  ],
} as const satisfies DiagramText & { axes: Record<string, string>, quadrants: readonly (Part & { row: number, col: number })[] }

const PATHWAY_MEANINGS: Record<typeof PATHWAY[number], string> = {
  'discovery': 'hears of it',
  'first-contact': 'first interaction',
  'participation': 'first contribution',
  'sustained-participation': 'keeps contributing',
  'networked-participation': 'connects others',
  'leadership': 'takes responsibility',
}

export const MOUNTAIN = {
  title: 'The mountain of engagement',
  shape: 'Six numbered stages on a path up a mountain, from discovery at the foot to leadership at the summit.',
  // The stages are OLTS module 3.2 ("Contributor Personas & Pathways"; 3.3 is "Meaningful Participation"); CIID is credited for the open-practices framework, not this pathway.
  credit: ['The six pathway stages of Mozilla\'s Open Leadership Training Series, 3.2 "Contributor Personas & Pathways" (2016, CC BY 4.0). The "Mountain of Engagement" is Mozilla Open Leadership\'s and Open Life Science\'s (five bands, observers to owners, in Sharan et al., SSI, 2021). This drawing is the kit\'s.'],
  parts: PATHWAY.map(key => ({ key, label: PATHWAY_LABELS[key], meaning: PATHWAY_MEANINGS[key] })),
} as const satisfies DiagramText & { parts: readonly Part[] }

export const PARTICIPATION_MODEL = {
  title: 'The CSCCE Community Participation Model',
  shape: 'Four modes of participation inside the community, left to right, under the kind of information flow each has; champion, beside them, can also happen outside the community.',
  credit: ['After the CSCCE Community Participation Model (CSCCE 2020, Woodley and Pratt), doi:10.5281/zenodo.3997802; the Champion mode after CSCCE (2021), doi:10.5281/zenodo.5275270.'],
  modes: [
    { key: 'convey', label: 'Convey / consume', meaning: 'Receive what is shared' },
    { key: 'contribute', label: 'Contribute', meaning: 'Give input when invited' },
    { key: 'collaborate', label: 'Collaborate', meaning: 'Work together on a given structure' },
    { key: 'co-create', label: 'Co-create', meaning: 'Create something new together' },
  ],
  champion: { key: 'champion', label: 'Champion', meaning: 'Advocate and lead, also outside it' },
  // Which modes each information flow spans, as a range of mode indices.
  flows: [
    { key: 'transmissive', label: 'Transmissive', from: 0, to: 0 },
    { key: 'transactional', label: 'Transactional', from: 1, to: 2 },
    { key: 'transformational', label: 'Transformational', from: 3, to: 3 },
  ],
  flowHeading: 'Information flow',
  inside: 'Within the community',
} as const satisfies DiagramText & { modes: readonly Part[], champion: Part, flows: readonly { key: string, label: string, from: number, to: number }[], flowHeading: string, inside: string }

export const DECISION_LEVELS = {
  title: 'Three levels of decisions',
  shape: 'Three nested boxes: constitutional decisions frame collective-choice decisions, which frame operational ones.',
  credit: ['Operational, collective-choice and constitutional rules after Kiser and Ostrom (1982) and Ostrom (1990, 2005). The Turing Way\'s governance chapter (online book, CC BY 4.0) has three similar levels (individual contributor or community, maintenance, constitutional); matching them to Ostrom\'s is the kit\'s own reading.'],
  // Outermost first.
  parts: [
    { key: 'constitutional', label: 'Constitutional', meaning: 'The rules about the rules', example: 'how the charter itself changes' },
    { key: 'collective', label: 'Collective choice', meaning: 'How the group works', example: 'how we review contributions' },
    { key: 'operational', label: 'Operational', meaning: 'Everyday participation', example: 'who hosts this week\'s call' },
  ],
  example: 'e.g.',
  agreement: 'wider agreement',
} as const satisfies DiagramText & { parts: readonly Part[], example: string, agreement: string }

export const ROADMAP_HORIZONS = {
  title: 'A roadmap\'s three horizons',
  shape: 'A line from now into the future, in three spans that grow longer, each ending at a milestone.',
  credit: ['After Mozilla OLTS 2.3, "Start Your Roadmap", and The Turing Way (both CC BY 4.0); the spans are the kit\'s own.'],
  now: 'Now',
  // The horizon names are the charter builder's; the spans are the deck's examples.
  parts: [
    { key: 'short', label: 'short term', meaning: 'next 3 months' },
    { key: 'medium', label: 'medium term', meaning: 'this year' },
    { key: 'long', label: 'long term', meaning: '2-3 years' },
  ],
} as const satisfies DiagramText & { parts: readonly Part[], now: string }

export const DIAGRAMS = { GOLDEN_CIRCLE, PUBLIC_NARRATIVE, LIFECYCLE, COP_ELEMENTS, PARTICIPATION_LEVELS, POWER_INTEREST, MOUNTAIN, PARTICIPATION_MODEL, DECISION_LEVELS, ROADMAP_HORIZONS } as const

/** Every string a diagram shows or speaks, for the phrasebook check. Work titles in a credit stay as published. */
export function diagramStrings(): string[] {
  const out: string[] = []
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (key !== 'key')
        out.push(value)
    }
    else if (Array.isArray(value)) {
      value.forEach(v => walk(v))
    }
    else if (value && typeof value === 'object') {
      if ('em' in value)
        return
      for (const [k, v] of Object.entries(value))
        walk(v, k)
    }
  }
  walk(DIAGRAMS)
  return [...new Set(out)]
}

/** The words a screen reader hears for a diagram: its layout, then each part and its meaning. */
export function describe(shape: string, parts: readonly { label: string, meaning: string, example?: string }[], t: (s: string) => string = s => s): string {
  return [t(shape), ...parts.map(p => `${t(p.label)}: ${t(p.meaning)}${p.example ? ` (${t('e.g.')} ${t(p.example)})` : ''}.`)].join(' ')
}
