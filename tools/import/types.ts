/** Shapes shared by the importer's steps: what a page yields before entries become catalogue records. */
import type { Period } from '../../src/catalogue/schema'

/** Something the importer could not read, pointing at the line a person should look at. */
export interface Problem {
  file: string
  /** 1-based. */
  line: number
  message: string
  /**
   * The page at this URL names no place: the problem stands only if no card gives its practice one (a
   * crawl imports each practice page with its card).
   */
  unlessPlaced?: string
}

export type PageKind = 'listing' | 'detail' | 'other'

/** One practice as one page shows it: a listing card or a detail page. */
export interface ParsedEntry {
  kind: 'listing' | 'detail'
  file: string
  /** 1-based line where the entry starts (its title, or its location line when the title is missing). */
  line: number
  /** As printed; '' when the page shows none. */
  title: string
  /** ISO 3166-1 alpha-2, or '' when the page gives no country we recognise. */
  country: string
  city: string
  period: Period
  /** Listing cards only: the teaser without the site's trailing "...". */
  summary: string
  /** The text shown is known to be incomplete (a listing teaser, or a detail page cut off). */
  truncated: boolean
  /** Detail pages only: body paragraphs in page order. */
  paragraphs: string[]
  /** BCP 47 tag guessed from the entry's text, or given by its page URL. */
  language: string
  /** The practice page's URL when known (a crawled page, a dump's `URL:` line, a card's link): gives id and language. */
  url?: string
}

export interface ParsedPage {
  kind: PageKind
  entries: ParsedEntry[]
  problems: Problem[]
  /** Listing pages: the number of results the page says the whole listing holds ("… of 363 results"). */
  total?: number
  /** The page's own URL, from the crawler or the dump's `URL:` line. */
  url?: string
  /** Why a page of kind 'other' was refused. */
  reason?: string
}

/** What is known about a page besides its text. */
export interface PageContext {
  url?: string
  /** Listing pages: each card's practice link, in page order. */
  entryUrls?: readonly string[]
}
