/**
 * Facet filtering and disjunctive counting over column arrays (one entry per document).
 *
 * Several values in one facet combine with OR, facets combine with AND. A facet's counts ignore that facet's
 * own selection: a document counts for facet F when it matches the text and every *other* facet's selection.
 * One pass does it all: a candidate failing no facet is a result and counts everywhere; failing exactly one
 * facet F, it counts for F only; failing two or more, it counts nowhere.
 *
 * Documents are counted by group (see FacetGroups) and the group counts expanded into value counts at the end.
 * A large match set is visited in document order through a mark array, and with no selection counted as the
 * totals minus its complement.
 *
 * Years: a practice covers [start, end]; only a start or only an end is that single year; ongoing extends the
 * end to the current year (or later, if the record names a later end); ongoing without years covers the current
 * year only; no years and not ongoing covers none. Languages: the practice's own and its translations'.
 *
 * Also used by the benchmark to give every peer library the same facet code.
 */
import { coveredYears } from '../catalogue/period'
import type { Practice } from '../catalogue/schema'
import type { FacetName, SearchQuery } from './types'

export const NONE = 0xffff

export interface FacetColumns {
  /** Number of documents (dead duplicates included). */
  size: number
  topics: string[]
  countries: string[]
  cities: string[]
  languages: string[]
  /** Index into `countries`, NONE when the practice has none. */
  country: Uint16Array
  city: Uint16Array
  topicOffsets: Uint32Array
  topicValues: Uint16Array
  langOffsets: Uint32Array
  langValues: Uint16Array
  /** 0 when unknown. */
  yearStart: Uint16Array
  yearEnd: Uint16Array
  ongoing: Uint8Array
  /** Earliest and latest year named by any record (0 when none). */
  minYear: number
  maxYear: number
  hasOngoing: boolean
}

/** Zeroed columns for `size` documents, with room for `topicTotal` topic and `langTotal` language values. */
export function emptyFacetColumns(
  size: number,
  values: Pick<FacetColumns, 'topics' | 'countries' | 'cities' | 'languages'>,
  topicTotal: number,
  langTotal: number,
): FacetColumns {
  return {
    size,
    ...values,
    country: new Uint16Array(size),
    city: new Uint16Array(size),
    topicOffsets: new Uint32Array(size + 1),
    topicValues: new Uint16Array(topicTotal),
    langOffsets: new Uint32Array(size + 1),
    langValues: new Uint16Array(langTotal),
    yearStart: new Uint16Array(size),
    yearEnd: new Uint16Array(size),
    ongoing: new Uint8Array(size),
    minYear: 0,
    maxYear: 0,
    hasOngoing: false,
  }
}

/** Columns straight from records (the benchmark's peers; tests). The engine builds its own from segments. */
export function facetColumnsFromPractices(practices: readonly Practice[]): FacetColumns {
  const n = practices.length
  const table = (values: string[]): { list: string[], index: Map<string, number> } => {
    const list = [...new Set(values)].sort()
    return { list, index: new Map(list.map((v, i) => [v, i])) }
  }
  const langsOf = (p: Practice): string[] => [...new Set([p.language, ...Object.keys(p.translations ?? {})])]
  const countries = table(practices.map(p => p.country).filter(Boolean))
  const cities = table(practices.map(p => p.city).filter(Boolean))
  const topics = table(practices.flatMap(p => p.topics))
  const languages = table(practices.flatMap(langsOf))
  const cols = emptyFacetColumns(
    n,
    { topics: topics.list, countries: countries.list, cities: cities.list, languages: languages.list },
    practices.reduce((s, p) => s + new Set(p.topics).size, 0),
    practices.reduce((s, p) => s + langsOf(p).length, 0),
  )
  let t = 0
  let l = 0
  practices.forEach((p, i) => {
    cols.country[i] = p.country ? countries.index.get(p.country)! : NONE
    cols.city[i] = p.city ? cities.index.get(p.city)! : NONE
    cols.topicOffsets[i] = t
    for (const v of new Set(p.topics))
      cols.topicValues[t++] = topics.index.get(v)!
    cols.langOffsets[i] = l
    for (const v of langsOf(p))
      cols.langValues[l++] = languages.index.get(v)!
    cols.yearStart[i] = p.period.start ?? 0
    cols.yearEnd[i] = p.period.end ?? 0
    cols.ongoing[i] = p.period.ongoing ? 1 : 0
  })
  cols.topicOffsets[n] = t
  cols.langOffsets[n] = l
  finishYears(cols)
  return cols
}

/** Sets minYear, maxYear and hasOngoing from the year columns. */
export function finishYears(cols: FacetColumns): void {
  let min = 0
  let max = 0
  let ongoing = false
  for (let i = 0; i < cols.size; i++) {
    for (const y of [cols.yearStart[i]!, cols.yearEnd[i]!]) {
      if (y === 0)
        continue
      if (min === 0 || y < min)
        min = y
      if (y > max)
        max = y
    }
    if (cols.ongoing[i])
      ongoing = true
  }
  cols.minYear = min
  cols.maxYear = max
  cols.hasOngoing = ongoing
}

/** The years the year facet shows: from the earliest named year to the latest (or the current year). */
function yearDomain(cols: FacetColumns, currentYear: number): { min: number, max: number } | undefined {
  let min = cols.minYear
  let max = cols.maxYear
  if (cols.hasOngoing) {
    if (min === 0 || currentYear < min)
      min = currentYear
    if (currentYear > max)
      max = currentYear
  }
  return min === 0 ? undefined : { min, max }
}

/**
 * Per document, the first and last year it covers (0 when none), by the one rule for periods (coveredYears):
 * read by the year groups here and by the newest order (order.ts).
 */
export function docYearColumns(cols: FacetColumns, currentYear: number): { first: Uint16Array, last: Uint16Array } {
  const n = cols.size
  const first = new Uint16Array(n)
  const last = new Uint16Array(n)
  for (let d = 0; d < n; d++) {
    const years = coveredYears(cols.yearStart[d]! || undefined, cols.yearEnd[d]! || undefined, cols.ongoing[d] === 1, currentYear)
    if (years) {
      first[d] = years[0]
      last[d] = years[1]
    }
  }
  return { first, last }
}

interface FacetOutcome {
  /** Number of documents written to `out`: those passing every facet (in candidate order, or document order). */
  count: number
  facets: Record<FacetName, Map<string, number>>
}

/**
 * Documents grouped by facet signature, so that the per-document pass costs three array reads: the
 * combination of topics and languages, the place (country and city) and the pair of first and last year.
 * A few thousand combinations, a few hundred places and pairs cover 100,000 practices; a query tests and counts
 * groups, then expands the group counts into value counts. Years depend on the current year (ongoing).
 */
export interface FacetGroups {
  currentYear: number
  /** Count buffers reused by every countFacets call on these groups (calls are synchronous). */
  scratch: GroupCounts
  combo: Uint32Array
  place: Uint32Array
  /** 0 = no years; else 1 + (first − yMin) × span + (last − yMin). */
  yearPair: Uint32Array
  comboTopicOffsets: Uint32Array
  comboTopicValues: Uint16Array
  comboLangOffsets: Uint32Array
  comboLangValues: Uint16Array
  placeCountry: Uint16Array
  placeCity: Uint16Array
  yMin: number
  span: number
}

/** The part of FacetGroups that does not depend on the current year. */
export type StaticGroups = Omit<FacetGroups, 'currentYear' | 'yearPair' | 'yMin' | 'span' | 'scratch'>

/** Groups by topics + languages and by place; Map keys stay small integers (fast) with nested maps. */
export function groupStatic(cols: FacetColumns): StaticGroups {
  return { ...comboGroups(cols), ...placeGroups(cols) }
}

/**
 * A group key for the values[from..to) of one document: a bit mask when every value fits in 30 bits, else the
 * sorted distinct values.
 */
function valueKey(values: Uint16Array, from: number, to: number, masks: boolean): number | string {
  if (!masks)
    return [...new Set(values.subarray(from, to))].sort((a, b) => a - b).join(',')
  let key = 0
  for (let j = from; j < to; j++)
    key |= 1 << values[j]!
  return key
}

/** The groups by combination of topics and languages, each with its values (CSR). */
function comboGroups(cols: FacetColumns): Pick<StaticGroups, 'combo' | 'comboTopicOffsets' | 'comboTopicValues' | 'comboLangOffsets' | 'comboLangValues'> {
  const n = cols.size
  const { topicOffsets, topicValues, langOffsets, langValues } = cols
  const masks = cols.topics.length <= 30 && cols.languages.length <= 30
  const byTopics = new Map<number | string, Map<number | string, number>>()
  const combo = new Uint32Array(n)
  const cTopics: number[] = [0]
  const cTopicValues: number[] = []
  const cLangs: number[] = [0]
  const cLangValues: number[] = []
  let combos = 0
  for (let d = 0; d < n; d++) {
    const t0 = topicOffsets[d]!, t1 = topicOffsets[d + 1]!, l0 = langOffsets[d]!, l1 = langOffsets[d + 1]!
    const tk = valueKey(topicValues, t0, t1, masks)
    const lk = valueKey(langValues, l0, l1, masks)
    let inner = byTopics.get(tk)
    if (!inner) {
      inner = new Map()
      byTopics.set(tk, inner)
    }
    let id = inner.get(lk)
    if (id === undefined) {
      id = combos++
      inner.set(lk, id)
      for (const v of new Set(topicValues.subarray(t0, t1)))
        cTopicValues.push(v)
      cTopics.push(cTopicValues.length)
      for (const v of new Set(langValues.subarray(l0, l1)))
        cLangValues.push(v)
      cLangs.push(cLangValues.length)
    }
    combo[d] = id
  }
  return {
    combo,
    comboTopicOffsets: Uint32Array.from(cTopics), comboTopicValues: Uint16Array.from(cTopicValues),
    comboLangOffsets: Uint32Array.from(cLangs), comboLangValues: Uint16Array.from(cLangValues),
  }
}

/** The groups by place (country and city). */
function placeGroups(cols: FacetColumns): Pick<StaticGroups, 'place' | 'placeCountry' | 'placeCity'> {
  const n = cols.size
  const byCountry = new Map<number, Map<number, number>>()
  const place = new Uint32Array(n)
  const pCountry: number[] = []
  const pCity: number[] = []
  for (let d = 0; d < n; d++) {
    const c = cols.country[d]!
    const ci = cols.city[d]!
    let inner = byCountry.get(c)
    if (!inner) {
      inner = new Map()
      byCountry.set(c, inner)
    }
    let id = inner.get(ci)
    if (id === undefined) {
      id = pCountry.length
      inner.set(ci, id)
      pCountry.push(c)
      pCity.push(ci)
    }
    place[d] = id
  }
  return { place, placeCountry: Uint16Array.from(pCountry), placeCity: Uint16Array.from(pCity) }
}

/** Completes static groups with the year pairs of one current year. */
export function groupFacets(cols: FacetColumns, currentYear: number, stat: StaticGroups = groupStatic(cols)): FacetGroups {
  const n = cols.size
  const domain = yearDomain(cols, currentYear)
  const yMin = domain?.min ?? 0
  const span = domain ? domain.max - domain.min + 1 : 0
  const yearPair = new Uint32Array(n)
  const { first, last } = docYearColumns(cols, currentYear)
  for (let d = 0; d < n; d++) {
    const s = first[d]!
    yearPair[d] = s === 0 ? 0 : 1 + (s - yMin) * span + (last[d]! - yMin)
  }
  const scratch = newGroupCounts(stat.comboTopicOffsets.length - 1, stat.placeCountry.length, span)
  return { ...stat, currentYear, yearPair, yMin, span, scratch }
}

function selectionMask(values: readonly string[], selected: readonly string[]): { mask: Uint8Array, active: boolean, unknown: string[] } {
  const mask = new Uint8Array(values.length)
  const unknown: string[] = []
  if (selected.length === 0)
    return { mask, active: false, unknown }
  const index = new Map(values.map((v, i) => [v, i]))
  for (const s of selected) {
    const i = index.get(s)
    if (i === undefined)
      unknown.push(s)
    else
      mask[i] = 1
  }
  return { mask, active: true, unknown }
}

/** Per group: does any of its values (CSR) pass the selection mask? */
function groupPass(offsets: Uint32Array, values: Uint16Array, mask: Uint8Array): Uint8Array {
  const groups = offsets.length - 1
  const pass = new Uint8Array(groups)
  for (let g = 0; g < groups; g++) {
    for (let j = offsets[g]!; j < offsets[g + 1]!; j++) {
      if (mask[values[j]!]) {
        pass[g] = 1
        break
      }
    }
  }
  return pass
}

function countMap(values: readonly string[], counts: Uint32Array, extra: readonly string[]): Map<string, number> {
  const m = new Map<string, number>()
  for (let i = 0; i < values.length; i++)
    m.set(values[i]!, counts[i]!)
  for (const v of extra) {
    if (!m.has(v))
      m.set(v, 0)
  }
  return m
}

const TOPIC = 1
const COUNTRY = 2
const CITY = 3
const YEAR = 4
const LANGUAGE = 5

/**
 * Counts per group: of documents matching every facet ("all"), or failing exactly the facet named. Counts add
 * up over disjoint sets of documents, which the complement path relies on.
 */
export interface GroupCounts {
  comboAll: Uint32Array
  comboTopic: Uint32Array
  comboLang: Uint32Array
  placeAll: Uint32Array
  placeCountry: Uint32Array
  placeCity: Uint32Array
  pairAll: Uint32Array
  pairYear: Uint32Array
}

function newGroupCounts(combos: number, places: number, span: number): GroupCounts {
  const pairs = span * span + 1
  return {
    comboAll: new Uint32Array(combos), comboTopic: new Uint32Array(combos), comboLang: new Uint32Array(combos),
    placeAll: new Uint32Array(places), placeCountry: new Uint32Array(places), placeCity: new Uint32Array(places),
    pairAll: new Uint32Array(pairs), pairYear: new Uint32Array(pairs),
  }
}

/** Per facet, per group: does the group pass the facet's selection? null = no selection. */
interface Passes {
  topic: Uint8Array | null
  language: Uint8Array | null
  country: Uint8Array | null
  city: Uint8Array | null
  year: Uint8Array | null
}

function passesFor(groups: FacetGroups, sel: Selection): Passes {
  const years = sel.year
  const { comboTopicOffsets, comboTopicValues, comboLangOffsets, comboLangValues, placeCountry, placeCity, yMin, span } = groups
  const places = placeCountry.length
  const passes: Passes = {
    topic: sel.topic.active ? groupPass(comboTopicOffsets, comboTopicValues, sel.topic.mask) : null,
    language: sel.language.active ? groupPass(comboLangOffsets, comboLangValues, sel.language.mask) : null,
    country: null,
    city: null,
    year: null,
  }
  if (sel.country.active) {
    const pass = new Uint8Array(places)
    for (let p = 0; p < places; p++)
      pass[p] = placeCountry[p] !== NONE && sel.country.mask[placeCountry[p]!] ? 1 : 0
    passes.country = pass
  }
  if (sel.city.active) {
    const pass = new Uint8Array(places)
    for (let p = 0; p < places; p++)
      pass[p] = placeCity[p] !== NONE && sel.city.mask[placeCity[p]!] ? 1 : 0
    passes.city = pass
  }
  if (years.length > 0) {
    const chosen = new Uint8Array(span)
    for (const y of years) {
      if (y >= yMin && y - yMin < span)
        chosen[y - yMin] = 1
    }
    // prefix[k] = selected years among the first k: a range overlaps the selection when its count is positive.
    const prefix = new Int32Array(span + 1)
    for (let k = 0; k < span; k++)
      prefix[k + 1] = prefix[k]! + chosen[k]!
    const pass = new Uint8Array(span * span + 1)
    for (let s = 0; s < span; s++) {
      for (let e = s; e < span; e++)
        pass[1 + s * span + e] = prefix[e + 1]! - prefix[s]! > 0 ? 1 : 0
    }
    passes.year = pass
  }
  return passes
}

function hasSelection(p: Passes): boolean {
  return !!(p.topic || p.language || p.country || p.city || p.year)
}

/** What one counting pass reads and writes (see tally). */
interface TallyPass {
  groups: FacetGroups
  passes: Passes
  counts: GroupCounts
  /** The documents to visit, or null for every document in order. */
  candidates: Uint32Array | null
  count: number
  size: number
  alive: Uint8Array | null
  /** With null candidates: visit only the documents with mark[d] === markValue. */
  mark: Uint8Array | null
  markValue: number
  /** Receives the visited documents passing every facet; null when only the counts are wanted. */
  out: Uint32Array | null
}

/**
 * The complement path: every document in order, the marked ones are the results (no facet selected), and the
 * counts, which start as the totals, lose every unmarked alive document.
 */
function tallyComplement(t: TallyPass): number {
  const { combo, place, yearPair } = t.groups
  const { comboAll, placeAll, pairAll } = t.counts
  const { alive, mark, markValue, out, size } = t
  let passed = 0
  for (let d = 0; d < size; d++) {
    if (alive && !alive[d])
      continue
    if (mark![d] === markValue) {
      out![passed++] = d
    }
    else {
      comboAll[combo[d]!]!--
      placeAll[place[d]!]!--
      pairAll[yearPair[d]!]!--
    }
  }
  return passed
}

/** No facet selected: every visited document is a result and counts everywhere. */
function tallyAll(t: TallyPass): number {
  const { combo, place, yearPair } = t.groups
  const { comboAll, placeAll, pairAll } = t.counts
  const { alive, mark, markValue, out, candidates } = t
  const total = candidates ? t.count : t.size
  let passed = 0
  for (let k = 0; k < total; k++) {
    const d = candidates ? candidates[k]! : k
    if ((alive && !alive[d]) || (mark && mark[d] !== markValue))
      continue
    if (out)
      out[passed] = d
    passed++
    comboAll[combo[d]!]!++
    placeAll[place[d]!]!++
    pairAll[yearPair[d]!]!++
  }
  return passed
}

/**
 * Some facet selected: a document failing no facet is a result and counts everywhere; failing exactly one, it
 * counts for that facet only; failing more, nowhere.
 */
function tallySelected(t: TallyPass): number {
  const { combo, place, yearPair } = t.groups
  const { comboAll, comboTopic, comboLang, placeAll, placeCountry, placeCity, pairAll, pairYear } = t.counts
  const { topic, language, country, city, year } = t.passes
  const { alive, mark, markValue, out, candidates } = t
  const total = candidates ? t.count : t.size
  let passed = 0
  for (let k = 0; k < total; k++) {
    const d = candidates ? candidates[k]! : k
    if ((alive && !alive[d]) || (mark && mark[d] !== markValue))
      continue
    const c = combo[d]!
    const p = place[d]!
    const y = yearPair[d]!
    let fails = 0
    let failed = 0
    if (topic && !topic[c]) {
      fails++
      failed = TOPIC
    }
    if (language && !language[c]) {
      fails++
      failed = LANGUAGE
    }
    if (country && !country[p]) {
      fails++
      failed = COUNTRY
    }
    if (city && !city[p]) {
      fails++
      failed = CITY
    }
    if (year && !year[y]) {
      fails++
      failed = YEAR
    }
    if (fails === 0) {
      if (out)
        out[passed] = d
      passed++
      comboAll[c]!++
      placeAll[p]!++
      pairAll[y]!++
    }
    else if (fails === 1) {
      if (failed === TOPIC)
        comboTopic[c]!++
      else if (failed === LANGUAGE)
        comboLang[c]!++
      else if (failed === COUNTRY)
        placeCountry[p]!++
      else if (failed === CITY)
        placeCity[p]!++
      else
        pairYear[y]!++
    }
  }
  return passed
}

/**
 * The counting pass. Visits candidates[0..count) when `candidates` is given, else every document in order
 * (sequential memory access), and then only those with mark[d] === markValue when `mark` is given. Skips dead
 * documents. Writes the visited documents passing every facet to `out` and returns how many; adds their group
 * counts (or, with `subtractOthers`, adds nothing for them and instead subtracts every unvisited alive document
 * from counts that start as the totals: the complement path, which needs no selection).
 */
function tally(t: TallyPass, subtractOthers = false): number {
  if (subtractOthers)
    return tallyComplement(t)
  return hasSelection(t.passes) ? tallySelected(t) : tallyAll(t)
}

const NO_PASSES: Passes = { topic: null, language: null, country: null, city: null, year: null }

/**
 * Group counts of every (alive) document with no facet selected, for the complement path. Depends only on the
 * groups (so on the current year); the engine caches it with them.
 */
export function allCounts(groups: FacetGroups, size: number, alive: Uint8Array | null): GroupCounts {
  const counts = newGroupCounts(groups.comboTopicOffsets.length - 1, groups.placeCountry.length, groups.span)
  tally({ groups, passes: NO_PASSES, counts, candidates: null, count: 0, size, alive, mark: null, markValue: 0, out: null })
  return counts
}

/**
 * The text matches as a mark array as well as a list: document d matched when mark[d] === value. A large match
 * set is then visited in document order, and — given the no-selection totals (allCounts) and no selection —
 * counted through its complement when that is smaller.
 */
export interface Marked {
  mark: Uint8Array
  value: number
  totals?: GroupCounts
}

/** The documents countFacets filters and counts, and where those that pass go: one per query. */
interface FacetDocs {
  /** The candidates[0..count) to filter, or null for every document. */
  candidates: Uint32Array | null
  count: number
  /** When given, documents with alive[d] === 0 are left out. */
  alive: Uint8Array | null
  /** Receives the documents that pass (in candidate order, or in document order when visited by `marked`). */
  out: Uint32Array
  marked?: Marked
}

interface Sel {
  mask: Uint8Array
  active: boolean
  unknown: string[]
}

/** A query's facet selections as masks over the columns' values, and its years. */
interface Selection {
  topic: Sel
  country: Sel
  city: Sel
  language: Sel
  year: readonly number[]
}

function selectionOf(cols: FacetColumns, q: Pick<SearchQuery, FacetName>): Selection {
  return {
    topic: selectionMask(cols.topics, q.topic),
    country: selectionMask(cols.countries, q.country),
    city: selectionMask(cols.cities, q.city),
    language: selectionMask(cols.languages, q.language),
    year: q.year,
  }
}

/**
 * Filters the candidates (or every document) by the query's facet selections, writing the documents that pass
 * into `docs.out`, and counts facet values disjunctively. `groups` must come from groupFacets for the same
 * columns and current year. See FacetDocs and Marked.
 */
export function countFacets(cols: FacetColumns, groups: FacetGroups, q: Pick<SearchQuery, FacetName>, docs: FacetDocs): FacetOutcome {
  const { candidates, count: candidateCount, alive, out, marked } = docs
  const sel = selectionOf(cols, q)
  const passes = passesFor(groups, sel)
  let count: number
  const many = marked && candidates && candidateCount * 4 > cols.size
  const counts = groups.scratch
  const keys = Object.keys(counts) as (keyof GroupCounts)[]
  // A large match set is visited in document order through its marks; a small one through its list.
  const pass: TallyPass = many
    ? { groups, passes, counts, candidates: null, count: 0, size: cols.size, alive, mark: marked.mark, markValue: marked.value, out }
    : { groups, passes, counts, candidates, count: candidateCount, size: cols.size, alive, mark: null, markValue: 0, out }
  if (many && marked.totals && !hasSelection(passes) && candidateCount * 2 > cols.size) {
    for (const k of keys)
      counts[k].set(marked.totals[k])
    count = tally(pass, true)
  }
  else {
    for (const k of keys)
      counts[k].fill(0)
    count = tally(pass)
  }
  return { count, facets: expand(cols, groups, counts, sel) }
}

/** Turns group counts into value counts. */
function expand(cols: FacetColumns, groups: FacetGroups, counts: GroupCounts, sel: Selection): Record<FacetName, Map<string, number>> {
  const { comboTopicOffsets, comboTopicValues, comboLangOffsets, comboLangValues, placeCountry, placeCity, yMin, span } = groups
  const { comboAll, comboTopic, comboLang, placeAll, pairAll, pairYear } = counts
  const combos = comboTopicOffsets.length - 1
  const topicCounts = new Uint32Array(cols.topics.length)
  const langCounts = new Uint32Array(cols.languages.length)
  for (let g = 0; g < combos; g++) {
    const t = comboAll[g]! + comboTopic[g]!
    if (t > 0) {
      for (let j = comboTopicOffsets[g]!; j < comboTopicOffsets[g + 1]!; j++)
        topicCounts[comboTopicValues[j]!]! += t
    }
    const l = comboAll[g]! + comboLang[g]!
    if (l > 0) {
      for (let j = comboLangOffsets[g]!; j < comboLangOffsets[g + 1]!; j++)
        langCounts[comboLangValues[j]!]! += l
    }
  }
  const countryCounts = new Uint32Array(cols.countries.length)
  const cityCounts = new Uint32Array(cols.cities.length)
  for (let p = 0; p < placeCountry.length; p++) {
    const c = placeCountry[p]!
    const ci = placeCity[p]!
    if (c !== NONE)
      countryCounts[c]! += placeAll[p]! + counts.placeCountry[p]!
    if (ci !== NONE)
      cityCounts[ci]! += placeAll[p]! + counts.placeCity[p]!
  }
  const yearDiff = new Int32Array(span + 1)
  for (let s = 0; s < span; s++) {
    for (let e = s; e < span; e++) {
      const i = 1 + s * span + e
      const v = pairAll[i]! + pairYear[i]!
      if (v > 0) {
        yearDiff[s]! += v
        yearDiff[e + 1]! -= v
      }
    }
  }
  const yearMap = new Map<string, number>()
  let run = 0
  for (let k = 0; k < span; k++) {
    run += yearDiff[k]!
    yearMap.set(String(yMin + k), run)
  }
  for (const y of sel.year) {
    if (!yearMap.has(String(y)))
      yearMap.set(String(y), 0)
  }
  return {
    topic: countMap(cols.topics, topicCounts, sel.topic.unknown),
    country: countMap(cols.countries, countryCounts, sel.country.unknown),
    city: countMap(cols.cities, cityCounts, sel.city.unknown),
    year: yearMap,
    language: countMap(cols.languages, langCounts, sel.language.unknown),
  }
}
