/**
 * The peer libraries of the search benchmark (MiniSearch, FlexSearch, Orama) behind one small interface, and the
 * facet and sort code they all share — the engine's own (src/search/facets.ts, order.ts) — so that the
 * comparison measures text search and start-up, not facet implementations. Runs in the bench page (Chromium)
 * and in Node; no Node-only imports.
 *
 * Every peer gets our tokeniser (normalisation, stop words) so that all four index the same words, and is
 * configured as close to our semantics as it allows: every word must match (AND), the last word is a prefix,
 * one typo for words of five letters or more, title and summary boosted. Differences that remain: FlexSearch
 * has no typo tolerance and prefix-matches every word ("forward" tokenizer); Orama applies its tolerance and
 * prefix matching to every word.
 */
import MiniSearch from 'minisearch'
import { Document } from 'flexsearch'
import { create, insertMultiple, load, save, search, type RawData } from '@orama/orama'
import type { Practice } from '../../src/catalogue/schema'
import { allCounts, countFacets, type FacetColumns, type FacetGroups, finishYears, groupFacets, groupStatic, type GroupCounts, type Marked, type StaticGroups } from '../../src/search/facets'
import { countryOrder, newestOrder, type Order, titleKeyOrder, titleKeys, titleOrder } from '../../src/search/order'
import { isIndexed, tokenize } from '../../src/search/tokenize'
import type { FacetName, QueryContext, SearchQuery, SortKey } from '../../src/search/types'

export type PeerName = 'minisearch' | 'flexsearch' | 'orama'
export const PEERS: readonly PeerName[] = ['minisearch', 'flexsearch', 'orama']

/**
 * The fields every peer indexes: translations folded into title, summary and body like our segments do. Peers
 * key documents by number (their position), which keeps their indexes and exports far smaller than with the
 * practices' long slugs; the shared code maps numbers back to ids.
 */
// A type alias, not an interface: FlexSearch wants documents with an index signature.
export type PeerDoc = {
  n: number
  title: string
  summary: string
  body: string
}

export function peerDoc(p: Practice, n: number): PeerDoc {
  const texts = [p, ...Object.values(p.translations ?? {})]
  return { n, title: texts.map(t => t.title).join('\n'), summary: texts.map(t => t.summary).join('\n'), body: texts.map(t => t.body).join('\n') }
}

/** Our tokeniser without stop words, for the peers' indexes and queries. */
export function peerTokens(text: string): string[] {
  return tokenize(text).filter(isIndexed)
}

/** A loaded peer index: answers a text query with document numbers in its relevance order. */
export interface PeerIndex {
  search: (text: string) => number[]
}

/** Serialised form, stored in IndexedDB as is: strings keyed by name. */
export type PeerData = Record<string, string>

export interface PeerAdapter {
  build: (docs: PeerDoc[]) => unknown
  /** Index → data for IndexedDB; undefined when the library cannot serialise it. */
  serialize: (index: unknown) => PeerData
  load: (data: PeerData) => PeerIndex
  /** Wraps an index built in this process (the Node runs). */
  wrap: (index: unknown) => PeerIndex
}

// ----------------------------------------------------------------------------------------------- MiniSearch

const miniOptions = {
  idField: 'n',
  fields: ['title', 'summary', 'body'],
  storeFields: [] as string[],
  tokenize: peerTokens,
  processTerm: (term: string) => term,
  searchOptions: {
    combineWith: 'AND' as const,
    boost: { title: 6, summary: 3 },
    prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
    fuzzy: (term: string) => term.length >= 5 ? 1 : false,
  },
}

function miniWrap(ms: MiniSearch<PeerDoc>): PeerIndex {
  return { search: text => ms.search(text).map(r => r.id as number) }
}

const minisearch: PeerAdapter = {
  build: (docs) => {
    const ms = new MiniSearch<PeerDoc>(miniOptions)
    ms.addAll(docs)
    return ms
  },
  serialize: index => ({ index: JSON.stringify(index) }),
  load: data => miniWrap(MiniSearch.loadJSON<PeerDoc>(data.index!, miniOptions)),
  wrap: index => miniWrap(index as MiniSearch<PeerDoc>),
}

// ----------------------------------------------------------------------------------------------- FlexSearch

function flexCreate(): Document<PeerDoc> {
  const field = (name: 'title' | 'summary' | 'body') => ({ field: name, tokenize: 'forward' as const, encode: peerTokens })
  return new Document<PeerDoc>({ document: { id: 'n', index: [field('title'), field('summary'), field('body')] } })
}

function flexWrap(index: Document<PeerDoc>, size: number): PeerIndex {
  return {
    search: (text) => {
      // Per field results, best first; title matches first, then summary, then body (the boost order).
      const fields = index.search(text, { limit: size, index: ['title', 'summary', 'body'] }) as { field: string, result: number[] }[]
      const seen = new Set<number>()
      const out: number[] = []
      for (const name of ['title', 'summary', 'body']) {
        for (const id of fields.find(f => f.field === name)?.result ?? []) {
          if (!seen.has(id)) {
            seen.add(id)
            out.push(id)
          }
        }
      }
      return out
    },
  }
}

const flexsearch: PeerAdapter = {
  build: (docs) => {
    const index = flexCreate()
    for (const d of docs)
      index.add(d)
    return { index, size: docs.length }
  },
  serialize: (built) => {
    const data: PeerData = {}
    const { index, size } = built as { index: Document<PeerDoc>, size: number }
    index.export((key: string, value: string) => { data[key] = value })
    data.__size = String(size)
    return data
  },
  load: (data) => {
    const index = flexCreate()
    for (const [key, value] of Object.entries(data)) {
      if (key !== '__size')
        index.import(key, value)
    }
    return flexWrap(index, Number(data.__size))
  },
  wrap: (built) => {
    const { index, size } = built as { index: Document<PeerDoc>, size: number }
    return flexWrap(index, size)
  },
}

// ----------------------------------------------------------------------------------------------- Orama

function oramaCreate() {
  return create({
    schema: { title: 'string', summary: 'string', body: 'string' } as const,
    components: { tokenizer: { language: 'english', normalizationCache: new Map<string, string>(), tokenize: (raw: string) => peerTokens(raw) } },
  })
}
type OramaDb = ReturnType<typeof oramaCreate>

function oramaWrap(db: OramaDb, size: number): PeerIndex {
  return {
    search: (text) => {
      const results = search(db, { term: text, properties: ['title', 'summary', 'body'], boost: { title: 6, summary: 3 }, tolerance: 1, threshold: 0, limit: size })
      if (results instanceof Promise)
        throw new TypeError('Orama answered asynchronously')
      return results.hits.map(h => Number(h.id))
    },
  }
}

const orama: PeerAdapter = {
  build: (docs) => {
    const db = oramaCreate()
    const done = insertMultiple(db, docs.map(d => ({ id: String(d.n), title: d.title, summary: d.summary, body: d.body })), 1000)
    if (done instanceof Promise)
      throw new TypeError('Orama inserted asynchronously')
    return { db, size: docs.length }
  },
  serialize: (built) => {
    const { db, size } = built as { db: OramaDb, size: number }
    return { raw: JSON.stringify(save(db)), size: String(size) }
  },
  load: (data) => {
    const db = oramaCreate()
    load(db, JSON.parse(data.raw!) as RawData)
    return oramaWrap(db, Number(data.size))
  },
  wrap: (built) => {
    const { db, size } = built as { db: OramaDb, size: number }
    return oramaWrap(db, size)
  },
}

export const ADAPTERS: Readonly<Record<PeerName, PeerAdapter>> = { minisearch, flexsearch, orama }

// ----------------------------------------------------------------------------------------------- shared facets

/** Facet columns in a compact JSON form (to store next to a peer's index). */
export interface ColumnsJson {
  topics: string[]
  countries: string[]
  cities: string[]
  languages: string[]
  ids: string[]
  titles: string[]
  /** Title sort keys (order.ts), precomputed like our segments' so that peers do not pay for them at start. */
  keys: number[]
  arrays: Record<string, number[]>
}

const ARRAY_KEYS = ['country', 'city', 'topicOffsets', 'topicValues', 'langOffsets', 'langValues', 'yearStart', 'yearEnd', 'ongoing'] as const

export function columnsToJson(cols: FacetColumns, ids: string[], titles: string[]): ColumnsJson {
  const arrays: Record<string, number[]> = {}
  for (const k of ARRAY_KEYS)
    arrays[k] = Array.from(cols[k])
  return { topics: cols.topics, countries: cols.countries, cities: cols.cities, languages: cols.languages, ids, titles, keys: Array.from(titleKeys(titles)), arrays }
}

export function columnsFromJson(json: ColumnsJson): { cols: FacetColumns, ids: string[], titles: string[], keys: Uint32Array } {
  const a = json.arrays
  const cols: FacetColumns = {
    size: json.ids.length,
    topics: json.topics,
    countries: json.countries,
    cities: json.cities,
    languages: json.languages,
    country: Uint16Array.from(a.country!),
    city: Uint16Array.from(a.city!),
    topicOffsets: Uint32Array.from(a.topicOffsets!),
    topicValues: Uint16Array.from(a.topicValues!),
    langOffsets: Uint32Array.from(a.langOffsets!),
    langValues: Uint16Array.from(a.langValues!),
    yearStart: Uint16Array.from(a.yearStart!),
    yearEnd: Uint16Array.from(a.yearEnd!),
    ongoing: Uint8Array.from(a.ongoing!),
    minYear: 0,
    maxYear: 0,
    hasOngoing: false,
  }
  finishYears(cols)
  return { cols, ids: json.ids, titles: json.titles, keys: Uint32Array.from(json.keys) }
}

/** The documents a peer engine answers over: facet columns, ids, titles and the titles' keys (made when absent). */
export interface PeerColumns {
  cols: FacetColumns
  ids: string[]
  titles: string[]
  keys?: Uint32Array
}

/** The shared sort orders (order.ts), each made on first use and kept. */
function peerOrders(cols: FacetColumns, titles: string[], keys: Uint32Array): (sort: SortKey, ctx: QueryContext) => Order {
  const orders = new Map<string, Order>()
  const cached = (key: string, make: () => Order): Order => {
    let o = orders.get(key)
    if (!o) {
      o = make()
      orders.set(key, o)
    }
    return o
  }
  let keyOrder: Uint32Array | undefined
  const byKey = (): Uint32Array => keyOrder ??= titleKeyOrder(keys, titles.length)
  const byTitle = (locale: string): Order => cached(`t|${locale}`, () => titleOrder(titles, locale, byKey()))
  return (sort, ctx) => sort === 'title'
    ? byTitle(ctx.locale)
    : sort === 'country'
      ? cached(`c|${ctx.locale}`, () => countryOrder(cols, byTitle(ctx.locale), ctx.locale, cols.countries.map(ctx.countryName)))
      : cached(`n|${ctx.currentYear}`, () => newestOrder(cols, byKey(), ctx.currentYear))
}

/** The docs in `order`, through their ranks. */
function sortedByRank(docs: Uint32Array, order: Order): Uint32Array {
  const ranks = new Uint32Array(docs.length)
  for (let k = 0; k < docs.length; k++)
    ranks[k] = order.rank[docs[k]!]!
  ranks.sort()
  for (let k = 0; k < ranks.length; k++)
    ranks[k] = order.order[ranks[k]!]!
  return ranks
}

/**
 * A peer index plus the shared facet and sort code: answers SearchQuery like our SearchIndex does. The peer's
 * hits are also marked in a per-document array, so that large hit lists get the same counting paths (document
 * order, complement) as our engine's.
 */
export function peerQueryEngine(peer: PeerIndex, columns: PeerColumns) {
  const { cols, ids, titles } = columns
  const out = new Uint32Array(cols.size)
  const mark = new Uint8Array(cols.size)
  let markValue = 0
  let groups: FacetGroups | undefined
  let staticGroups: StaticGroups | undefined
  let totals: GroupCounts | undefined
  const orderFor = peerOrders(cols, titles, columns.keys ?? titleKeys(titles))
  return (q: SearchQuery, ctx: QueryContext): { ids: string[], total: number, facets: Record<FacetName, Map<string, number>> } => {
    if (groups?.currentYear !== ctx.currentYear) {
      groups = groupFacets(cols, ctx.currentYear, staticGroups ??= groupStatic(cols))
      totals = undefined
    }
    let candidates: Uint32Array | null = null
    let count = 0
    let marked: Marked | undefined
    const text = q.text.trim() !== ''
    if (text) {
      const hits = peer.search(q.text)
      candidates = Uint32Array.from(hits)
      count = hits.length
      if (++markValue === 256) {
        mark.fill(0)
        markValue = 1
      }
      for (const d of hits)
        mark[d] = markValue
      // Marks visit documents in their own order: only when no facet is selected, since the results (the hits,
      // in the peer's order) then need no per-document filtering.
      if (q.topic.length + q.country.length + q.city.length + q.year.length + q.language.length === 0)
        marked = { mark, value: markValue, totals: count * 2 > cols.size ? totals ??= allCounts(groups, cols.size, null) : undefined }
    }
    const outcome = countFacets(cols, groups, q, { candidates, count, alive: null, out, marked })
    let docs = marked ? candidates!.subarray(0, count) : out.subarray(0, outcome.count)
    if (!(text && q.sort === 'relevance'))
      docs = sortedByRank(docs, orderFor(q.sort, ctx))
    const result = new Array<string>(docs.length)
    for (let k = 0; k < docs.length; k++)
      result[k] = ids[docs[k]!]!
    return { ids: result, total: docs.length, facets: outcome.facets }
  }
}
