/**
 * The catalogue's state in the URL query, so a filtered view is a link that can be shared and Back works.
 * Reading is forgiving: an unknown parameter is ignored and a malformed value is dropped, never thrown.
 *
 *   ?q=bilbao&topic=anti-rumour&topic=education&country=ES&year=2020&lang=sr-Latn&sort=title
 */
import type { SearchQuery, SortKey } from './types'

export type UrlSortKey = SortKey

/** A search query, plus what only the catalogue view knows of. */
export interface UrlState extends SearchQuery {
  /** Only the practices the last sync added or changed. */
  changed: boolean
}

/** What vue-router gives and takes, without depending on it. */
export type QueryValue = string | null | undefined | (string | null)[]
export type UrlQuery = Record<string, QueryValue>

const SORTS: readonly UrlSortKey[] = ['relevance', 'newest', 'title', 'country']
const MAX_VALUES = 50
const MAX_TEXT = 200

export function emptyUrlState(): UrlState {
  return { text: '', topic: [], country: [], city: [], year: [], language: [], sort: 'relevance', changed: false }
}

function values(raw: QueryValue): string[] {
  const list = Array.isArray(raw) ? raw : [raw]
  const out: string[] = []
  for (const v of list) {
    if (typeof v === 'string' && v.trim() && !out.includes(v.trim()))
      out.push(v.trim())
  }
  return out.slice(0, MAX_VALUES)
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)]
}

function first(raw: QueryValue): string {
  return values(raw)[0] ?? ''
}

export function stateFromQuery(query: UrlQuery): UrlState {
  const sort = first(query.sort) as UrlSortKey
  return {
    text: first(query.q).slice(0, MAX_TEXT),
    topic: values(query.topic).filter(v => /^[a-z0-9-]{1,80}$/.test(v)),
    country: unique(values(query.country).map(v => v.toUpperCase()).filter(v => /^[A-Z]{2}$/.test(v))),
    city: values(query.city).filter(v => v.length <= 120),
    year: unique(values(query.year).filter(v => /^\d{4}$/.test(v)).map(Number).filter(y => y >= 1900 && y <= 2200)),
    language: values(query.lang).filter(v => /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(v)),
    sort: SORTS.includes(sort) ? sort : 'relevance',
    changed: first(query.changed) === '1',
  }
}

/** The inverse of stateFromQuery, leaving out defaults so links stay short. */
export function queryFromState(state: UrlState): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  if (state.text.trim())
    query.q = state.text
  if (state.topic.length)
    query.topic = [...state.topic]
  if (state.country.length)
    query.country = [...state.country]
  if (state.city.length)
    query.city = [...state.city]
  if (state.year.length)
    query.year = state.year.map(String)
  if (state.language.length)
    query.lang = [...state.language]
  if (state.sort !== 'relevance')
    query.sort = state.sort
  if (state.changed)
    query.changed = '1'
  return query
}

/** How many filters narrow the view (the text query not counted). */
export function activeFilterCount(state: UrlState): number {
  return state.topic.length + state.country.length + state.city.length + state.year.length + state.language.length + (state.changed ? 1 : 0)
}
