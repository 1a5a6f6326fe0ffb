/** Pages → records, with every problem on the way. Pure: the CLI does the reading and writing. */
import type { Practice } from '../../src/catalogue/schema'
import { mergeEntries } from './merge'
import { parsePage } from './page'
import type { PageKind, Problem } from './types'

export interface SourceText {
  file: string
  text: string
  /** The page's own URL, when known (the crawler always knows it). */
  url?: string
  /** Listing pages: each card's practice link, in page order, read from the markup by the crawler. */
  entryUrls?: readonly string[]
}

export interface ImportResult {
  practices: Practice[]
  problems: Problem[]
  pages: { file: string, kind: PageKind, entries: number }[]
}

export function importPages(sources: readonly SourceText[]): ImportResult {
  const parsed = sources.map(s => ({ file: s.file, page: parsePage(s.text, s.file) }))
  const merged = mergeEntries(parsed.flatMap(p => p.page.entries))
  return {
    practices: merged.practices,
    problems: [...parsed.flatMap(p => p.page.problems), ...merged.problems],
    pages: parsed.map(p => ({ file: p.file, kind: p.page.kind, entries: p.page.entries.length })),
  }
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`
}
