/** The search engine's public types. */
import type { SegmentData } from './segment'

export type SortKey = 'relevance' | 'newest' | 'title' | 'country'
export type FacetName = 'topic' | 'country' | 'city' | 'year' | 'language'
export const FACET_NAMES: readonly FacetName[] = ['topic', 'country', 'city', 'year', 'language']

export interface SearchQuery {
  text: string
  topic: string[]
  country: string[]
  city: string[]
  /** Years; a practice matches when its period overlaps one of them. */
  year: number[]
  language: string[]
  /** 'relevance' applies only when `text` has words; otherwise results come newest first. */
  sort: SortKey
}

export interface QueryContext {
  /** UI language (BCP 47), for collation. */
  locale: string
  /** An ongoing practice runs to this year. */
  currentYear: number
  /** Display name of an ISO country code in the UI language, for the country sort. */
  countryName: (code: string) => string
  /**
   * Other forms of a query word to look up beside it, each as an exact word (assist.ts: its canonical
   * spelling, its stems, and for a word still being typed the names it starts). Absent until those helpers
   * load.
   */
  wordForms?: (word: string, prefix: boolean) => readonly string[]
}

export interface SearchResult {
  /** Ids of all matches, ordered. */
  ids: string[]
  total: number
  /**
   * Per facet, every value known to the index (plus any selected value it does not know) with the number of
   * practices that would match if that value were the facet's only selection, other facets as selected
   * (disjunctive counts); 0 when none. Year keys are strings.
   */
  facets: Record<FacetName, Map<string, number>>
  /** Normalised query words and the index words they matched by typo tolerance, for highlight(). */
  terms: string[]
}

export interface SearchIndex {
  /** Number of practices (a duplicated id counted once). */
  size: number
  /** The opened segments, for the query helpers that read the dictionaries (assist.ts). */
  segments: readonly SegmentData[]
  query: (q: SearchQuery, ctx: QueryContext) => SearchResult
  has: (id: string) => boolean
  /** Every value of a facet known to the index, sorted (years ascending, as strings). */
  facetValues: (name: FacetName) => string[]
}

export function emptyQuery(): SearchQuery {
  return { text: '', topic: [], country: [], city: [], year: [], language: [], sort: 'relevance' }
}
