/** Pages → records, with every problem on the way. Pure: the CLI does the reading and writing. */
import type { Practice } from '../../src/catalogue/schema'
import { mergeEntries } from './merge'
import { parsePage } from './page'
import { practiceSlugFromUrl } from './url'
import type { PageKind, Problem } from './types'

export interface SourceText {
  file: string
  text: string
  /** The page's own URL, when known (the crawler always knows it). */
  url?: string
  /** Listing pages: each card's practice link, in page order, read from the markup by the crawler. */
  entryUrls?: readonly string[]
}

export interface PageSummary {
  file: string
  kind: PageKind
  entries: number
  /** Listing pages: the whole listing's result count, as the page prints it. */
  total?: number
  url?: string
  /** Why a page of kind 'other' was refused. */
  reason?: string
}

export interface ImportResult {
  practices: Practice[]
  problems: Problem[]
  pages: PageSummary[]
  /** Records that failed the schema and were left out; each is also in `problems`. */
  invalid: { id: string, file: string, line: number }[]
}

export function importPages(sources: readonly SourceText[]): ImportResult {
  const parsed = sources.map(s => ({ file: s.file, page: parsePage(s.text, s.file, { url: s.url, entryUrls: s.entryUrls }) }))
  const merged = mergeEntries(parsed.flatMap(p => p.page.entries))
  const placed = new Set(merged.practices.filter(p => p.country !== '').map(p => p.id))
  const stands = (p: Problem) => !p.unlessPlaced || !placed.has(practiceSlugFromUrl(p.unlessPlaced) ?? '')
  return {
    practices: merged.practices,
    problems: [...parsed.flatMap(p => p.page.problems).filter(stands), ...merged.problems],
    pages: parsed.map(({ file, page }) => ({
      file,
      kind: page.kind,
      entries: page.entries.length,
      ...(page.total !== undefined ? { total: page.total } : {}),
      ...(page.url ? { url: page.url } : {}),
      ...(page.reason ? { reason: page.reason } : {}),
    })),
    invalid: merged.invalid,
  }
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`
}
