// English: the language the kit is written in. Its phrases are the keys themselves.
import type { Catalogue } from '../catalogue'
import { labels } from './labels'

export const catalogue: Catalogue = { code: 'en', name: 'English', labels, phrases: {} }
