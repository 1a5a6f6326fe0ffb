/**
 * The query engine over opened segments.
 *
 * Documents are numbered across segments (segment order, then position): the "doc space". Opening reads each
 * segment (checksum and structure), decodes the ids, and builds the facet columns and an id hash table; the
 * dictionaries and postings are used in place, so opening costs little more than reading the bytes.
 *
 * Text: every query word must match (AND). A word matches an index word that equals it, starts with it (the
 * last query word only: it may still be being typed), or — for ASCII words of 5 characters or more — is one
 * edit away. Per word a document scores the best of its matches: idf × (6 in title + 3 in summary + BM25 body
 * term, at most 2.2) × 1 for an exact match, 0.5–0.8 for a prefix (closer lengths score higher), 0.3 for a
 * typo; and every word matched without a typo adds a large constant, so that typo-only matches always rank
 * below documents matching the same words exactly or by prefix. Fields therefore rank title > summary > body.
 * Ties (and equal scores) fall back to the newest order.
 *
 * Duplicates: an id present in several segments (should not happen) is taken from the last segment that has
 * it; earlier copies are ignored everywhere (results, counts, size).
 */
import { FACET_NAMES, type FacetName, type QueryContext, type SearchIndex, type SearchQuery, type SearchResult } from './types'
import { hashString, fromUtf8, utf8 } from './bytes'
import { allCounts, countFacets, emptyFacetColumns, type FacetColumns, type FacetGroups, finishYears, groupFacets, groupStatic, type GroupCounts, NONE, type StaticGroups } from './facets'
import { type Dictionary, dictionary, findExact, findPrefixList, findTerm, formSources, oneEditTerms, prefixRange, type WordKey } from './match'
import { countryOrder, newestOrder, type Order, sortByScore, sortScratch, type SortScratch, TITLE_KEY_WORDS, titleKeyOrder, titleOrder } from './order'
import { FORM_MARK, PREFIX_MAX_BYTES, PREFIX_MIN_BYTES, readSegment, type SegmentData, segmentTitles } from './segment'
import { type QueryTerm, queryTerms } from './tokenize'

// Posting flag bits (see segment.ts), repeated here as literals: the scan loop is the hottest code and some
// bundlers turn imported constants into property reads.
const FLAG_TITLE = 0x80
const FLAG_SUMMARY = 0x40
const BODY_TF_MASK = 0x3f
const W_TITLE = 6
const W_SUMMARY = 3
const K1 = 1.2
const B = 0.75
const PREFIX_MIN = 0.5
const PREFIX_SPAN = 0.3
const TYPO = 0.3
/** Another form of the word (spelling, stem): below the word as typed, above a prefix. */
const FORM = 0.85
/** Added per word matched without a typo; larger than any word's score (idf ≤ ~13 × field score ≤ 11.2). */
const TIER = 1000
const MIN_TYPO_LENGTH = 5
/** Typo-matched index words reported for highlighting, at most. */
const MAX_TYPO_TERMS = 64
const ORDER_CACHE = 8
const NO_TERMS: number[] = []
/** Ranks are packed below score bits in a float64 key: exact up to this many docs. */
const RANK_LIMIT = 1 << 20

/** Merges the value tables of all segments into one sorted table and per-segment remaps. */
function mergeValues(lists: string[][]): { values: string[], remap: Uint16Array[] } {
  const values = [...new Set(lists.flat())].sort()
  if (values.length >= NONE)
    throw new Error(`Search index has too many distinct facet values (${values.length})`)
  const index = new Map(values.map((v, i) => [v, i]))
  return { values, remap: lists.map(l => Uint16Array.from(l, v => index.get(v)!)) }
}

function remapColumn(target: Uint16Array, base: number, source: Uint16Array, remap: Uint16Array): void {
  for (let i = 0; i < source.length; i++) {
    const v = source[i]!
    target[base + i] = v === NONE ? NONE : remap[v]!
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80)
      return false
  }
  return true
}

/**
 * What a scan reads and writes: the per-doc arrays (made once per index), and where the scan stands, set by
 * scanWord before each posting list (no object is made per list: scan runs once per list, many times per word).
 */
interface ScanState {
  /** Number of query words a doc has matched so far. */
  matched: Uint8Array
  /** The doc's best score for the current word. */
  best: Float32Array
  /** Docs that matched the current word (and all before), in the order found. */
  next: Uint32Array
  norm: Float32Array
  bodyOnce: Float32Array
  /** The query word being scanned (0-based). */
  word: number
  /** The number of the segment's first doc. */
  base: number
  /** The list's weight (idf × match kind) and tier (TIER for a match without a typo, else 0). */
  weight: number
  tier: number
  /** Docs in `next` so far. */
  count: number
}

/**
 * Scans the postings bytes[start..end) of one segment for the current query word (see ScanState), keeping each
 * doc's best score for the word and appending newly matched docs to `next`. A module function that copies
 * what it reads into locals, so that the compiler keeps them in registers across the loop.
 */
function scan(st: ScanState, bytes: Uint8Array, start: number, end: number): void {
  const { matched, best, next, norm, bodyOnce, base, weight, tier, word } = st
  let count = st.count
  let p = start
  let doc = base - 1
  const nextWord = word + 1
  while (p < end) {
    let b = bytes[p++]!
    let v = b & 0x7f
    if (b & 0x80) {
      b = bytes[p++]!
      v |= (b & 0x7f) << 7
      if (b & 0x80)
        v |= bytes[p++]! << 14
    }
    doc += (v >>> 1) + 1
    const f = v & 1 ? bytes[p++]! : 1
    const m = matched[doc]!
    if (m !== word && m !== nextWord)
      continue
    let sc: number
    if (f === 1) {
      sc = bodyOnce[doc]! // the common case: once in the body (no flags byte)
    }
    else {
      const tf = f & BODY_TF_MASK
      sc = (f & FLAG_TITLE ? W_TITLE : 0) + (f & FLAG_SUMMARY ? W_SUMMARY : 0) + (tf ? tf * (K1 + 1) / (tf + norm[doc]!) : 0)
    }
    sc = weight * sc + tier
    if (m === word) {
      matched[doc] = nextWord
      best[doc] = sc
      next[count++] = doc
    }
    else if (sc > best[doc]!) {
      best[doc] = sc
    }
  }
  st.count = count
}

/** Reads every segment, naming the one that fails. */
function readSegments(segmentBytes: Uint8Array[]): SegmentData[] {
  return segmentBytes.map((b, i) => {
    try {
      return readSegment(b)
    }
    catch (error) {
      if (error instanceof Error)
        error.message = `${error.message} (segment ${i + 1} of ${segmentBytes.length})`
      throw error
    }
  })
}

/** The documents of all segments numbered as one space, and what a query reads per document. */
interface DocSpace {
  segs: SegmentData[]
  /** The number of the first document of each segment. */
  bases: number[]
  n: number
  ids: string[]
  cols: FacetColumns
  /** TITLE_KEY_WORDS words per doc (order.ts). */
  keys: Uint32Array
  /** BM25 length normalisation per doc: K1 × (1 − B + B × len / avg). */
  norm: Float32Array
  /** The BM25 body term for a word found once: (K1 + 1) / (1 + norm). */
  bodyOnce: Float32Array
}

/** Facet columns over the doc space, sized for every segment, with the segments' value tables merged. */
function mergedColumns(segs: SegmentData[], n: number): { cols: FacetColumns, remaps: Record<'country' | 'city' | 'language' | 'topic', Uint16Array[]> } {
  const countries = mergeValues(segs.map(s => s.countries))
  const cities = mergeValues(segs.map(s => s.cities))
  const languages = mergeValues(segs.map(s => s.languages))
  const topics = mergeValues(segs.map(s => s.topics))
  const cols = emptyFacetColumns(
    n,
    { topics: topics.values, countries: countries.values, cities: cities.values, languages: languages.values },
    segs.reduce((t, s) => t + s.topicValues.length, 0),
    segs.reduce((t, s) => t + s.langValues.length, 0),
  )
  return { cols, remaps: { country: countries.remap, city: cities.remap, language: languages.remap, topic: topics.remap } }
}

/** Fills the doc space's per-document arrays from every segment. */
function docSpace(segs: SegmentData[]): DocSpace {
  const bases: number[] = []
  let n = 0
  let bodyWords = 0
  for (const s of segs) {
    bases.push(n)
    n += s.docCount
    bodyWords += s.bodyWords
  }
  const { cols, remaps } = mergedColumns(segs, n)
  const space: DocSpace = {
    segs, bases, n, cols, ids: new Array<string>(n), keys: new Uint32Array(n * TITLE_KEY_WORDS),
    norm: new Float32Array(n), bodyOnce: new Float32Array(n),
  }
  const avgBody = n > 0 && bodyWords > 0 ? bodyWords / n : 1
  const at = { topic: 0, lang: 0 }
  segs.forEach((s, si) => {
    const base = bases[si]!
    remapColumn(cols.country, base, s.country, remaps.country[si]!)
    remapColumn(cols.city, base, s.city, remaps.city[si]!)
    space.keys.set(s.titleKeys, base * TITLE_KEY_WORDS)
    cols.yearStart.set(s.yearStart, base)
    cols.yearEnd.set(s.yearEnd, base)
    fillSegmentDocs(space, { si, avgBody, remap: { topic: remaps.topic[si]!, language: remaps.language[si]! }, at })
  })
  cols.topicOffsets[n] = at.topic
  cols.langOffsets[n] = at.lang
  finishYears(cols)
  return space
}

/** Which segment fillSegmentDocs copies, and how. */
interface SegmentFill {
  si: number
  /** The average number of body words per doc, over the doc space. */
  avgBody: number
  /** The segment's topic and language values to the doc space's. */
  remap: { topic: Uint16Array, language: Uint16Array }
  /** Where the next topic and language values go (advanced as they are written). */
  at: { topic: number, lang: number }
}

/** One segment's ids, flags, BM25 norms, topics and languages, at their place in the doc space. */
function fillSegmentDocs(space: DocSpace, fill: SegmentFill): void {
  const { si, avgBody, remap, at } = fill
  const { cols, ids, norm, bodyOnce } = space
  const s = space.segs[si]!
  const base = space.bases[si]!
  for (let i = 0; i < s.docCount; i++) {
    const d = base + i
    ids[d] = s.ids[i]!
    cols.ongoing[d] = s.flags[i]! & 1
    norm[d] = K1 * (1 - B + B * s.bodyLen[i]! / avgBody)
    bodyOnce[d] = (K1 + 1) / (1 + norm[d]!)
    cols.topicOffsets[d] = at.topic
    for (let j = s.topicOffsets[i]!; j < s.topicOffsets[i + 1]!; j++)
      cols.topicValues[at.topic++] = remap.topic[s.topicValues[j]!]!
    cols.langOffsets[d] = at.lang
    for (let j = s.langOffsets[i]!; j < s.langOffsets[i + 1]!; j++)
      cols.langValues[at.lang++] = remap.language[s.langValues[j]!]!
  }
}

/** Which ids the index holds, and which documents are live copies (see Duplicates above). */
interface IdTable {
  has: (id: string) => boolean
  /** 0 for an earlier copy of a duplicated id. */
  alive: Uint8Array
  /** Live documents. */
  size: number
}

/** An id hash table (open addressing, doc + 1 per slot); a later duplicate replaces the earlier one. */
function idTable(space: DocSpace): IdTable {
  const { segs, bases, ids, n } = space
  let slots = 16
  while (slots < n * 2)
    slots *= 2
  const table = new Uint32Array(slots)
  const alive = new Uint8Array(n).fill(1)
  let size = n
  segs.forEach((s, si) => {
    for (let i = 0; i < s.docCount; i++) {
      const d = bases[si]! + i
      let h = s.idHash[i]! & (slots - 1)
      for (;;) {
        const at = table[h]!
        if (at === 0) {
          table[h] = d + 1
          break
        }
        if (ids[at - 1] === ids[d]) {
          alive[at - 1] = 0
          size--
          table[h] = d + 1
          break
        }
        h = (h + 1) & (slots - 1)
      }
    }
  })
  const has = (id: string): boolean => {
    let h = hashString(id) & (slots - 1)
    for (;;) {
      const at = table[h]!
      if (at === 0)
        return false
      if (ids[at - 1] === id)
        return true
      h = (h + 1) & (slots - 1)
    }
  }
  return { has, alive, size }
}

/** The sort orders a query picks from, made on first use and cached per locale (and year or country names). */
interface Orders {
  byTitle: (locale: string) => Order
  byNewest: (ctx: QueryContext) => Order
  byCountry: (ctx: QueryContext) => Order
}

function sortOrders(space: DocSpace): Orders {
  const { cols, keys, n, segs } = space
  let titles: string[] | undefined
  const orders = new Map<string, Order>()
  const cached = (key: string, make: () => Order): Order => {
    let o = orders.get(key)
    if (o) {
      orders.delete(key)
    }
    else {
      o = make()
      if (orders.size >= ORDER_CACHE)
        orders.delete(orders.keys().next().value!)
    }
    orders.set(key, o)
    return o
  }
  let keyOrder: Uint32Array | undefined
  const byKey = (): Uint32Array => keyOrder ??= titleKeyOrder(keys, n)
  const byTitle = (locale: string): Order => cached(`t|${locale}`, () => {
    titles ??= segs.flatMap(segmentTitles)
    return titleOrder(titles, locale, byKey())
  })
  const byNewest = (ctx: QueryContext): Order => cached(`n|${ctx.currentYear}`, () => newestOrder(cols, byKey(), ctx.currentYear))
  const byCountry = (ctx: QueryContext): Order => {
    const names = cols.countries.map(c => ctx.countryName(c))
    return cached(`c|${ctx.locale}|${names.join('\u0000')}`, () => countryOrder(cols, byTitle(ctx.locale), ctx.locale, names))
  }
  return { byTitle, byNewest, byCountry }
}

/** Per-document buffers reused by every query (queries are synchronous, so never concurrent). */
interface Scratch {
  /** Number of query words a doc has matched so far; after the text part, the text matches' mark. */
  matched: Uint8Array
  /** The doc's best score for the current word. */
  best: Float32Array
  scores: Float32Array
  /** The scores' bits: non-negative float32s sort like their bit patterns. */
  scoreBits: Uint32Array
  /** The docs matching every word so far, in the order found (swapped with `next` after each word). */
  touched: Uint32Array
  next: Uint32Array
  /** The docs passing the facets. */
  results: Uint32Array
  picked: Uint32Array
  sort: SortScratch
  stamp: Uint32Array
  stampNow: number
}

function queryScratch(n: number): Scratch {
  const scores = new Float32Array(n)
  return {
    matched: new Uint8Array(n), best: new Float32Array(n), scores, scoreBits: new Uint32Array(scores.buffer),
    touched: new Uint32Array(n), next: new Uint32Array(n), results: new Uint32Array(n), picked: new Uint32Array(n),
    sort: sortScratch(n), stamp: new Uint32Array(n), stampNow: 0,
  }
}

/** One query word resolved in every segment: the terms and lists to scan, and their document frequency. */
interface Resolved {
  key: Uint8Array
  exact: Int32Array
  list: Int32Array
  lo: Int32Array
  hi: Int32Array
  typos: number[][]
  /** Per segment, the terms of the word's other forms (QueryContext.wordForms) it holds. */
  forms: number[][]
  df: number
}

/**
 * How one word is looked up: as typed, as a prefix (through a prefix list when there is one), one typo away,
 * and through its other forms (as FORM_MARK terms).
 */
interface Lookup extends WordKey {
  typo: boolean
  wantList: boolean
  qw: QueryTerm
  forms: Uint8Array[]
}

function lookupOf(qw: QueryTerm, forms: Uint8Array[]): Lookup {
  const key = utf8(qw.term)
  const typo = qw.exact && key.length >= MIN_TYPO_LENGTH && isAscii(key)
  return {
    key,
    reversedKey: typo ? key.slice().reverse() : key,
    typo,
    wantList: qw.prefix && key.length >= PREFIX_MIN_BYTES && key.length <= PREFIX_MAX_BYTES,
    qw,
    forms,
  }
}

/** Resolves one word in segment si (its dictionary `dict`) into r; returns the document frequency it adds. */
function resolveInSegment(dict: Dictionary, si: number, look: Lookup, r: Resolved): number {
  const s = dict.seg
  const { key, qw, forms } = look
  const range = prefixRange(dict, key)
  const e = qw.exact ? findExact(dict, key, range) : -1
  let df = e >= 0 ? s.df[e]! : 0
  const list = look.wantList ? findPrefixList(s, key) : -1
  const lo = qw.prefix ? range[0] : 0
  const hi = qw.prefix ? range[1] : 0
  r.exact[si] = e
  r.list[si] = list
  r.lo[si] = lo
  r.hi[si] = hi
  if (list >= 0) {
    df += s.prefixDf[list]!
  }
  else {
    for (let t = lo; t < hi; t++) {
      if (t !== e)
        df += s.df[t]!
    }
  }
  const ts = look.typo ? oneEditTerms(dict, look, lo, hi) : NO_TERMS
  r.typos.push(ts)
  // The words the query word's forms come from, scanned like the word itself. Many forms share their
  // words (the names of one topic in every language all point at its value term): each is scanned once.
  const fs: number[] = []
  for (const f of forms) {
    const t = findTerm(dict, f)
    if (t >= 0) {
      df += s.df[t]!
      formSources(s, t, fs)
    }
  }
  r.forms.push(fs.length > 1 ? [...new Set(fs)] : fs)
  for (const t of ts)
    df += s.df[t]!
  return df
}

/** The text part of a query, over the doc space. */
interface TextSearch {
  segs: SegmentData[]
  bases: number[]
  n: number
  /** Per segment, its dictionary prepared for look-ups (on first use). */
  dicts: (Dictionary | undefined)[]
  scan: ScanState
  scratch: Scratch
}

/** What the text part found: `count` docs in scratch.touched, marked in scratch.matched with `words`. */
interface TextMatches {
  count: number
  words: number
  terms: string[]
  min: number
  max: number
}

function resolveWord(ts: TextSearch, qw: QueryTerm, forms: Uint8Array[]): Resolved {
  const look = lookupOf(qw, forms)
  const m = ts.segs.length
  const r: Resolved = {
    key: look.key, exact: new Int32Array(m), list: new Int32Array(m), lo: new Int32Array(m), hi: new Int32Array(m),
    typos: [], forms: [], df: 0,
  }
  for (let si = 0; si < m; si++) {
    const s = ts.segs[si]!
    r.df += resolveInSegment(ts.dicts[si] ??= dictionary(s), si, look, r)
  }
  return r
}

/** Sets the weight and tier of the next lists scanned. */
function weigh(st: ScanState, weight: number, tier: number): void {
  st.weight = weight
  st.tier = tier
}

/** Scans every list of word w (its `r`) in every segment; returns the number of docs still in the running. */
function scanWord(ts: TextSearch, r: Resolved, w: number, typoTerms: Set<string>): number {
  const { segs, bases, n, scan: st } = ts
  const key = r.key
  const nd = Math.min(r.df, n)
  const idf = Math.log(1 + (n - nd + 0.5) / (nd + 0.5))
  st.word = w
  st.count = 0
  for (let si = 0; si < segs.length; si++) {
    const s = segs[si]!
    st.base = bases[si]!
    const e = r.exact[si]!
    const post = s.postings
    const offsets = s.postOffsets
    if (e >= 0) {
      weigh(st, idf, TIER)
      scan(st, post, offsets[e]!, offsets[e + 1]!)
    }
    const list = r.list[si]!
    if (list >= 0) {
      weigh(st, idf * PREFIX_MIN, TIER)
      scan(st, s.prefixPostings, s.prefixPostOffsets[list]!, s.prefixPostOffsets[list + 1]!)
    }
    else {
      for (let t = r.lo[si]!, hi = r.hi[si]!; t < hi; t++) {
        if (t === e)
          continue
        const ratio = key.length / (s.termOffsets[t + 1]! - s.termOffsets[t]!)
        weigh(st, idf * (PREFIX_MIN + PREFIX_SPAN * ratio), TIER)
        scan(st, post, offsets[t]!, offsets[t + 1]!)
      }
    }
    weigh(st, idf * FORM, TIER)
    for (const t of r.forms[si]!)
      scan(st, post, offsets[t]!, offsets[t + 1]!)
    weigh(st, idf * TYPO, 0)
    for (const t of r.typos[si]!) {
      scan(st, post, offsets[t]!, offsets[t + 1]!)
      if (typoTerms.size < MAX_TYPO_TERMS)
        typoTerms.add(fromUtf8(s.termBytes.subarray(s.termOffsets[t]!, s.termOffsets[t + 1]!)))
    }
  }
  return st.count
}

/**
 * Folds word w's best scores into the totals of the c docs in `next`; after the last word, returns the range
 * of the totals (for the sort).
 */
function foldScores(sc: Scratch, c: number, w: number, last: boolean): [number, number] {
  const { next, best, scores } = sc
  let min = Infinity
  let max = 0
  for (let k = 0; k < c; k++) {
    const d = next[k]!
    const v = Math.fround(w === 0 ? best[d]! : scores[d]! + best[d]!) // as stored
    scores[d] = v
    if (last) {
      if (v < min)
        min = v
      if (v > max)
        max = v
    }
  }
  return [min, max]
}

/**
 * Runs the text part: fills scratch.touched[0..count) with the docs matching every word and scores them. Words
 * are scanned rarest first: later, commoner words then only score the few docs still in the running.
 */
function searchText(ts: TextSearch, text: string, ctx: QueryContext): TextMatches | undefined {
  const words = queryTerms(text)
  if (words.length === 0)
    return undefined
  const terms = words.map(w => w.term)
  const resolved = words.map((w) => {
    const forms = ctx.wordForms?.(w.term, w.prefix) ?? []
    terms.push(...forms)
    return resolveWord(ts, w, forms.map(f => utf8(FORM_MARK + f)))
  }).sort((a, b) => a.df - b.df)
  if (resolved[0]!.df === 0)
    return { count: 0, words: words.length, terms, min: 0, max: 0 }
  const sc = ts.scratch
  const typoTerms = new Set<string>()
  sc.matched.fill(0)
  let count = 0
  let range: [number, number] = [Infinity, 0]
  for (let w = 0; w < resolved.length; w++) {
    ts.scan.next = sc.next
    const c = scanWord(ts, resolved[w]!, w, typoTerms)
    range = foldScores(sc, c, w, w === resolved.length - 1)
    ;[sc.touched, sc.next] = [sc.next, sc.touched]
    count = c
    if (count === 0)
      break
  }
  return { count, words: words.length, terms: [...terms, ...typoTerms], min: range[0], max: range[1] }
}

/** The text matches as marks (Marked, facets.ts), when there are any. */
type Marks = { mark: Uint8Array, value: number } | undefined

/** How the results of one query are to be ordered. */
interface SortRequest {
  count: number
  order: Order
  relevance: boolean
  /** The text marks, when the results are exactly the marked matches (no facet selection). */
  marked: Marks
  /** The range of the results' scores. */
  range: [number, number]
}

/**
 * Collects the results (sc.results[0..count)) in the order asked for: linear in the doc space, for large result
 * sets. When the results are exactly the marked text matches (no facet selection) the marks say who is in; else
 * the results are stamped first.
 */
function pickInOrder(sc: Scratch, ids: IdTable, req: SortRequest): Uint32Array {
  const { picked, stamp, results: docs } = sc
  const { count, marked } = req
  const order = req.order.order
  if (marked) {
    const { mark, value } = marked
    const all = ids.size === ids.alive.length
    let at = 0
    for (let k = 0; k < order.length && at < count; k++) {
      const d = order[k]!
      if (mark[d] === value && (all || ids.alive[d]))
        picked[at++] = d
    }
    return picked.subarray(0, count)
  }
  sc.stampNow = (sc.stampNow + 1) >>> 0
  if (sc.stampNow === 0) {
    stamp.fill(0)
    sc.stampNow = 1
  }
  const now = sc.stampNow
  for (let k = 0; k < count; k++)
    stamp[docs[k]!] = now
  let at = 0
  for (let k = 0; k < order.length && at < count; k++) {
    const d = order[k]!
    if (stamp[d] === now)
      picked[at++] = d
  }
  return picked.subarray(0, count)
}

/**
 * Orders the results. Small sets sort numeric keys natively (the rank, or score bits and rank packed in a
 * float64); larger ones are picked out of the precomputed order, then radix-sorted by score for relevance.
 */
function sortResults(sc: Scratch, ids: IdTable, n: number, req: SortRequest): Uint32Array {
  const { count, relevance } = req
  const { order: ord, rank } = req.order
  const results = sc.results
  // A native sort of packed float64 keys costs about count × log2(count) steps; picking out of the order
  // and radix sorting about n + count (measured here: 7.5 ns × count × log2(count) against 12 ns × n + 15 ns
  // × count). Pick the cheaper.
  if (relevance && n <= RANK_LIMIT && 7.5 * count * Math.log2(count + 1) < 12 * n + 15 * count) {
    const keys = new Float64Array(count)
    for (let k = 0; k < count; k++) {
      const d = results[k]!
      keys[k] = (~sc.scoreBits[d]! >>> 0) * RANK_LIMIT + rank[d]!
    }
    keys.sort()
    const sorted = new Uint32Array(count)
    for (let k = 0; k < count; k++)
      sorted[k] = ord[keys[k]! % RANK_LIMIT]!
    return sorted
  }
  if (!relevance && count * 16 <= n) {
    const ranks = new Uint32Array(count)
    for (let k = 0; k < count; k++)
      ranks[k] = rank[results[k]!]!
    ranks.sort()
    for (let k = 0; k < count; k++)
      ranks[k] = ord[ranks[k]!]!
    return ranks
  }
  const inOrder = pickInOrder(sc, ids, req)
  return relevance ? sortByScore(inOrder, { scores: sc.scores, rank, inRankOrder: true, scratch: sc.sort, range: req.range }) : inOrder
}

/** The facet groups of the current year, and their no-selection totals, made on first use. */
function facetGroups(cols: FacetColumns): { groupsFor: (year: number) => FacetGroups, totals: (g: FacetGroups, n: number, alive: Uint8Array | null) => GroupCounts } {
  let groups: FacetGroups | undefined
  let staticGroups: StaticGroups | undefined
  let totals: GroupCounts | undefined
  return {
    groupsFor: (year) => {
      if (groups?.currentYear !== year) {
        groups = groupFacets(cols, year, staticGroups ??= groupStatic(cols))
        totals = undefined
      }
      return groups
    },
    totals: (g, n, alive) => totals ??= allCounts(g, n, alive),
  }
}

/** Every value of a facet known to the index, sorted (years ascending, as strings). */
function facetValuesOf(cols: FacetColumns, name: FacetName): string[] {
  switch (name) {
    case 'topic': return [...cols.topics]
    case 'country': return [...cols.countries]
    case 'city': return [...cols.cities]
    case 'language': return [...cols.languages]
    case 'year': {
      const out: string[] = []
      if (cols.minYear > 0) {
        for (let y = cols.minYear; y <= cols.maxYear; y++)
          out.push(String(y))
      }
      return out
    }
  }
}

/** Opens segments (in feed order) as one index. Throws on a corrupt or unsupported segment. */
export function openIndex(segmentBytes: Uint8Array[]): SearchIndex {
  const space = docSpace(readSegments(segmentBytes))
  const { n, cols } = space
  const ids = idTable(space)
  const orders = sortOrders(space)
  const scratch = queryScratch(n)
  const scanState: ScanState = {
    matched: scratch.matched, best: scratch.best, next: scratch.next, norm: space.norm, bodyOnce: space.bodyOnce,
    word: 0, base: 0, weight: 0, tier: 0, count: 0,
  }
  const text: TextSearch = { segs: space.segs, bases: space.bases, n, dicts: space.segs.map(() => undefined), scan: scanState, scratch }
  const facets = facetGroups(cols)

  const query = (q: SearchQuery, ctx: QueryContext): SearchResult => {
    const found = searchText(text, q.text, ctx)
    const g = facets.groupsFor(ctx.currentYear)
    const live = ids.size < n ? ids.alive : null
    // Matches are also marked (matched[d] === number of words), for the large-set paths of countFacets; the
    // no-selection totals for its complement path are kept per current year.
    const marked = found ? { mark: scratch.matched, value: found.words } : undefined
    const outcome = countFacets(cols, g, q, {
      candidates: found ? scratch.touched : null, count: found?.count ?? 0, alive: live, out: scratch.results,
      marked: found && found.count * 2 > n ? { ...marked!, totals: facets.totals(g, n, live) } : marked,
    })
    const count = outcome.count
    const sortKey = q.sort === 'relevance' ? 'newest' : q.sort
    const order = sortKey === 'title' ? orders.byTitle(ctx.locale) : sortKey === 'country' ? orders.byCountry(ctx) : orders.byNewest(ctx)
    // The results are exactly the marked text matches when no facet is selected.
    const noSelection = FACET_NAMES.every(f => q[f].length === 0)
    const sorted = sortResults(scratch, ids, n, {
      count, order, relevance: found !== undefined && q.sort === 'relevance', marked: noSelection ? marked : undefined, range: [found?.min ?? 0, found?.max ?? 0],
    })
    // Sized once: grown by push, a list of 10,000 ids allocates three times its size and makes most of a
    // query's garbage.
    const outIds = new Array<string>(count)
    for (let k = 0; k < count; k++)
      outIds[k] = space.ids[sorted[k]!]!
    return { ids: outIds, total: count, facets: outcome.facets, terms: found?.terms ?? [] }
  }

  return { size: ids.size, segments: space.segs, query, has: ids.has, facetValues: name => facetValuesOf(cols, name) }
}
