// The cohort file (cohorts/<id>/cohort.yaml): one schema, documented field by field in
// cohorts/README.md. Cross-file checks (modules, slide ids, files) are in load.ts.
import { z } from 'zod'
import { LANGUAGES } from '../i18n/labels'
import { EXTENSION_NAME, SLIDE_ID } from '../content/ids'
import { DEFAULT_FORMAT, FORMATS } from '../content/notes'
import { VALUE_NAMES } from '../content/placeholders'

// Every value is one line of text: shown as text wherever it appears, never as markup.
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`)
  .regex(/^[^\u0000-\u001F\u007F\u2028\u2029]*$/, 'must be one line of text (no line breaks or control characters)')

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  }
  catch {
    return false
  }
}

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/

/** WCAG contrast of a colour against white. */
export function contrastOnWhite(hex: string): number {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map(c => c + c).join('')}` : hex
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return 1.05 / (luminance + 0.05)
}

/** Extension blocks switched on: names of files in decks/extensions/ (load.ts checks they exist). */
const extensionNames = z.array(z.string().regex(EXTENSION_NAME, 'must be an extension name such as conduct-response (a file in decks/extensions/ without .md)')).max(20, 'at most 20').default([])

const slideId = z.string().regex(SLIDE_ID, 'must be a slide id such as m2-stakeholder-map (lower-case words joined by dashes)')
/** A file named by the cohort: relative, inside the cohort folder (load.ts also follows links). */
export const cohortFileSchema = z.string().min(1).max(200)
  .refine(p => !/^([/\\]|[a-zA-Z]:)/.test(p) && !p.split(/[/\\]/).includes('..') && !/[\u0000-\u001F]/.test(p), 'must be a path inside the cohort folder (no leading /, no ..)')

/** A wall-clock date and time that exists: 2027-02-30T10:00 does not. */
function isRealDateTime(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const LOCAL_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/

/** A session's length in minutes: chooses the module's full or short version. */
const sessionLength = z.number().int('must be whole minutes').min(10, 'at least 10').max(480, 'at most 480')

export const facilitatorSchema = z.object({
  name: text(80),
  pronouns: text(30).optional(),
  contact: text(120).optional(),
}).strict()

export const moduleSessionSchema = z.object({
  module: z.union([z.number().int().min(0).max(9), z.string().min(1)], { error: 'must be a module number (0-4) or a module name such as community-engagement' }),
  start: z.string()
    .regex(LOCAL_DATE_TIME, 'must be a local date and time like 2027-03-04T10:00')
    // only a well-formed date is looked up in the calendar: one problem per mistake
    .refine(v => !LOCAL_DATE_TIME.test(v) || isRealDateTime(v), { error: iss => `${String(iss.input).slice(0, 10)} is not a date in the calendar` }),
  /** the session's length; by default the length of the version `length` chooses */
  minutes: sessionLength.optional(),
  /** the time the cohort has for this module: the short version when the full one does not fit */
  length: sessionLength.optional(),
  drop: z.array(slideId).default([]),
  replace: z.record(slideId, cohortFileSchema).default({}),
  insert: z.array(z.object({ after: slideId, file: cohortFileSchema }).strict()).default([]),
  /** extension blocks of this module to switch on (decks/extensions/) */
  extensions: extensionNames,
  /** the module's title for this cohort (the title slide, the browser tab, the landing page, the handouts) */
  title: text(120).optional(),
  /** the module's subtitle for this cohort */
  subtitle: text(200).optional(),
}).strict()

export const cohortSchema = z.object({
  name: text(120),
  organisation: text(120),
  facilitators: z.array(facilitatorSchema).min(1, 'name at least one facilitator').max(12),
  venue: text(200),
  timezone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Madrid'),
  language: z.string().refine(l => (LANGUAGES as readonly string[]).includes(l), `must be a language with board labels: ${LANGUAGES.join(', ')}`).default('en'),
  /** how the sessions run: chooses the notes' variants in the presenter view and the guide */
  format: z.enum(FORMATS).default(DEFAULT_FORMAT),
  /** the time the cohort has for each module, unless a module says otherwise */
  length: sessionLength.optional(),
  modules: z.array(moduleSessionSchema).min(1, 'choose at least one module').max(20),
  /** extension blocks to switch on, each in the module it declares (decks/extensions/) */
  extensions: extensionNames,
  values: z.partialRecord(z.enum(VALUE_NAMES as [string, ...string[]]), text(300)).default({}),
  branding: z.object({
    logo: cohortFileSchema.optional(),
    accent: z.string()
      .regex(HEX_COLOUR, 'must be a colour like #0b5d6b')
      .refine(c => !HEX_COLOUR.test(c) || contrastOnWhite(c) >= 4.5, { error: iss => `${String(iss.input)} has a contrast of ${contrastOnWhite(String(iss.input)).toFixed(1)}:1 on white; headings and links need at least 4.5:1, so choose a darker colour` })
      .optional(),
  }).strict().default({}),
}).strict()

export type Cohort = z.infer<typeof cohortSchema>
export type ModuleSession = z.infer<typeof moduleSessionSchema>
