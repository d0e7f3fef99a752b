// Neutral (Latin American) Spanish: ustedes for the room, usted or an impersonal form for the
// person at the laptop, tú on a participant's phone; never vosotros (test/i18n/neutral-spanish).
import type { Catalogue } from '../catalogue'
import { GUIDE_ES } from './guide'
import { labels } from './labels'
import { ES } from './phrases'
import { SERVER_ES } from './server'
import { SITE_ES } from './site'

export const catalogue: Catalogue = { code: 'es', name: 'Español', labels, phrases: { ...SERVER_ES, ...SITE_ES, ...GUIDE_ES, ...ES } }
