// A cohort's accent colour, applied to every slide, view and print of a deck built for it.
import { configs } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'

export default defineAppSetup(() => {
  const accent = (configs as { cohort?: { accent?: string } }).cohort?.accent
  if (accent && typeof document !== 'undefined')
    document.documentElement.style.setProperty('--kit-accent', accent)
})
