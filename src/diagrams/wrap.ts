// SVG text does not wrap by itself: labels are broken into lines here, by an estimate of
// their width in the kit's font (Atkinson Hyperlegible), so that a longer translation gets
// more lines instead of running out of its shape.

/** Average advance of a character, in ems; bold is wider. Slightly generous on purpose. */
const EM = { regular: 0.5, bold: 0.56 } as const

export function textWidth(text: string, fontSize: number, bold = false): number {
  return [...text].length * fontSize * EM[bold ? 'bold' : 'regular']
}

/** Greedy word wrap: each line fits `maxWidth` unless one word alone is longer. */
export function wrap(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (line && textWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(line)
      line = word
    }
    else {
      line = candidate
    }
  }
  if (line)
    lines.push(line)
  return lines
}
