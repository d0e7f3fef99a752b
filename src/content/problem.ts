// A finding of the content check: where it is (file, slide number and id) and what to do.
import type { LoadedSlide } from './decks'

export interface Problem {
  file: string
  /** 1-based slide number in the deck, when the problem belongs to one slide */
  slide?: number
  line?: number
  id?: string
  message: string
}

export function at(slide: LoadedSlide): Pick<Problem, 'file' | 'slide' | 'line' | 'id'> {
  const id = typeof slide.frontmatter.id === 'string' ? slide.frontmatter.id : undefined
  return { file: slide.file, slide: slide.number, line: slide.line, id }
}
