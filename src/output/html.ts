// Escaping text for the HTML pages the kit writes (landing page, notices, handouts, notes).

/** Text as HTML text or a quoted attribute value: the five characters HTML gives a meaning. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!)
}
