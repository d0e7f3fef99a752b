// True when the page is being printed or exported: boards then render a static worksheet
// instead of their controls. Slidev's own print mode, through the adapter.
export { usePrintMode } from '../slidev/context'
