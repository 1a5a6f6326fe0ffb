/**
 * Query helpers that load after the first list, with the stemmers (stemmers.ts), so none of them weighs on
 * start-up:
 * - wordForms: the other forms of a query word to look up (its canonical spelling, its stems in every
 *   language the index or the interface knows, and for the word being typed the country and topic names it
 *   starts), passed to the engine as QueryContext.wordForms by `index`;
 * - suggest: "Did you mean …", the query with each word the index does not know replaced by the nearest
 *   word it does (edit distance ≤ 2, the most frequent among the nearest), when that query finds something;
 * - place: the facet a query names exactly ("spain", "Espagne", "Bilbao"), to offer filtering by it.
 */
import { countryCodeFromName } from '../catalogue/countries'
import { fromUtf8, utf8 } from './bytes'
import { dictionary, type Dictionary, findExact, prefixRange } from './match'
import { normalize } from './normalize'
import { countryCodeWord, countryNameText, PLACE_NAME_LANGUAGES, topicNamesOf } from './places'
import { FORM_MARK } from './segment'
import { type Stemmer, stemmerFor } from './stemmers'
import { queryTerms, tokenize } from './tokenize'
import type { QueryContext, SearchIndex } from './types'
import { emptyQuery } from './types'
import { otherForms } from './wordForms'

export interface PlaceMatch {
  facet: 'country' | 'city'
  value: string
}

export interface Assist {
  /** The same index, looking up each query word's other forms too. */
  index: SearchIndex
  wordForms: NonNullable<QueryContext['wordForms']>
  suggest: (text: string, ctx: QueryContext) => string | undefined
  place: (text: string) => PlaceMatch | undefined
}

/** One stemmer per distinct algorithm, for the index's languages and the interface's. */
function stemmersFor(languages: readonly string[]): Stemmer[] {
  const bases = new Set(languages.map(l => l.split('-')[0]!.toLowerCase()))
  return [...bases].flatMap(l => stemmerFor(l) ?? [])
}

/** Damerau–Levenshtein distance (adjacent transpositions), or max + 1 once it must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max)
    return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1)
      row.push(d)
      rowMin = Math.min(rowMin, d)
    }
    if (rowMin > max)
      return max + 1
    prev2 = prev
    prev = row
  }
  return prev[b.length]!
}

/** Whether any segment knows the word, exactly or (for the word being typed) as the start of one. */
function known(dicts: Dictionary[], word: string, prefix: boolean): boolean {
  const key = utf8(word)
  return dicts.some((d) => {
    const range = prefixRange(d, key)
    return prefix ? range[1] > range[0] : findExact(d, key, range) >= 0
  })
}

/** The index word nearest to `word` sharing its first letter, the most frequent among equals. */
function nearest(dicts: Dictionary[], word: string): string | undefined {
  const max = word.length >= 5 ? 2 : 1
  const first = utf8(String.fromCodePoint(word.codePointAt(0)!))
  const found = new Map<string, { distance: number, df: number }>()
  for (const d of dicts) {
    const seg = d.seg
    const [lo, hi] = prefixRange(d, first)
    for (let t = lo; t < hi; t++) {
      const len = seg.termOffsets[t + 1]! - seg.termOffsets[t]!
      if (Math.abs(len - word.length) > max)
        continue
      const term = fromUtf8(seg.termBytes.subarray(seg.termOffsets[t]!, seg.termOffsets[t + 1]!))
      const distance = editDistance(word, term, max)
      if (distance <= max) {
        const f = found.get(term)
        found.set(term, { distance, df: (f?.df ?? 0) + seg.df[t]! })
      }
    }
  }
  let best: [string, { distance: number, df: number }] | undefined
  for (const entry of found) {
    if (!best || entry[1].distance < best[1].distance || (entry[1].distance === best[1].distance && entry[1].df > best[1].df))
      best = entry
  }
  return best?.[0]
}

/** Names are offered while typing from this many letters on, at most this many per word. */
const NAME_PREFIX_MIN = 3
const NAME_PREFIX_MAX = 24

/**
 * Every word of the names of the index's countries (in the interface languages) and of the taxonomy's topics,
 * sorted: the index finds names by whole words (segment.ts, VALUE_MARK), so a word still being typed is
 * completed from this list.
 */
function nameWords(index: SearchIndex, taxonomy: Parameters<typeof topicNamesOf>[0] | undefined): string[] {
  const texts = [
    ...index.facetValues('country').map(code => countryNameText(code)),
    ...Object.values(taxonomy ? topicNamesOf(taxonomy) : {}).flat().map(n => n.name),
  ]
  return [...new Set(texts.flatMap(t => tokenize(t)))].sort()
}

/** The words of a sorted list that start with `prefix`. */
function startingWith(sorted: readonly string[], prefix: string): string[] {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < prefix)
      lo = mid + 1
    else
      hi = mid
  }
  const out: string[] = []
  for (let i = lo; i < sorted.length && out.length < NAME_PREFIX_MAX && sorted[i]!.startsWith(prefix); i++)
    out.push(sorted[i]!)
  return out
}

export function createAssist(index: SearchIndex, taxonomy?: Parameters<typeof topicNamesOf>[0]): Assist {
  const stemmers = stemmersFor([...index.facetValues('language'), ...PLACE_NAME_LANGUAGES])
  let dicts: Dictionary[] | undefined
  const dictionaries = (): Dictionary[] => dicts ??= index.segments.map(dictionary)
  let names: string[] | undefined
  const cache = new Map<string, string[]>()

  const wordForms = (word: string, prefix = false): string[] => {
    const key = `${prefix ? '>' : '='}${word}`
    let forms = cache.get(key)
    if (!forms) {
      // The word itself too: a British text's canonical form may be the word an American types.
      forms = [word, ...otherForms(word, stemmers)]
      if (prefix && word.length >= NAME_PREFIX_MIN)
        forms.push(...startingWith(names ??= nameWords(index, taxonomy), word).filter(w => w !== word))
      if (cache.size > 2000)
        cache.clear()
      cache.set(key, forms)
    }
    return forms
  }

  const suggest = (text: string, ctx: QueryContext): string | undefined => {
    const words = queryTerms(text)
    let changed = false
    const out = words.map((w) => {
      if (known(dictionaries(), w.term, w.prefix) || wordForms(w.term, w.prefix).some(f => known(dictionaries(), FORM_MARK + f, false)))
        return w.term
      const near = nearest(dictionaries(), w.term)
      changed ||= near !== undefined
      return near ?? w.term
    })
    if (!changed)
      return undefined
    const suggestion = out.join(' ')
    return index.query({ ...emptyQuery(), text: suggestion }, { ...ctx, wordForms }).total > 0 ? suggestion : undefined
  }

  const place = (text: string): PlaceMatch | undefined => {
    const trimmed = text.trim()
    if (trimmed === '')
      return undefined
    const code = countryCodeFromName(trimmed) ?? index.facetValues('country').find(c => countryCodeWord(c) === trimmed.toLowerCase())
    if (code && index.facetValues('country').includes(code))
      return { facet: 'country', value: code }
    const folded = normalize(trimmed)
    const city = index.facetValues('city').find(c => normalize(c) === folded)
    return city === undefined ? undefined : { facet: 'city', value: city }
  }

  const assisted: SearchIndex = { ...index, query: (q, ctx) => index.query(q, { ...ctx, wordForms }) }
  return { index: assisted, wordForms, suggest, place }
}
