// Every language the kit ships. Adding one: a folder src/i18n/<code>/ (copy es/), its import
// and its line in this list (src/i18n/README.md).
import type { Catalogue } from './catalogue'
import { catalogue as en } from './en'
import { catalogue as es } from './es'

export const CATALOGUES: readonly Catalogue[] = [
  en,
  es,
]
