// True when the page is being printed or exported: Slidev's print and export routes
// (`?print`, `/export`) and the browser's own print (Ctrl+P). Boards then render a
// static worksheet instead of their controls.
import { useMediaQuery } from '@vueuse/core'
import { computed } from 'vue'

export function isPrintUrl(href: string): boolean {
  const url = new URL(href)
  const hash = url.hash.replace(/^#/, '')
  return url.searchParams.has('print') || /\/export(\/|$|\?)/.test(url.pathname + hash) || /[?&]print(=|&|$)/.test(hash)
}

export function usePrintMode() {
  const printMedia = useMediaQuery('print')
  const printUrl = typeof location === 'undefined' ? false : isPrintUrl(location.href)
  return computed(() => printUrl || printMedia.value)
}
