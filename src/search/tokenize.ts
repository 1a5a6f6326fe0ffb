/**
 * Words of normalised text. A word is a run of letters, digits and combining marks; everything else
 * (spaces, punctuation, apostrophes, hyphens) separates words, so "anti-rumour" is "anti" + "rumour" and
 * "l’Europe" is "l" + "europe".
 *
 * The index leaves out single characters and a short list of very frequent function words of the
 * catalogue's languages (stop words): they would match nearly every practice, cost a fifth of the index, and
 * rank nothing. A query drops them too, except the last word, which may still be the start of a longer word
 * ("the" → "theatre"): it is matched as a prefix only.
 */
import { normalize } from './normalize'

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u

/** Splits already normalised text into words. */
function words(normalized: string): string[] {
  const out: string[] = []
  forEachWord(normalized, w => out.push(w))
  return out
}

/** Calls `fn` with each word of already normalised text, in order. */
export function forEachWord(normalized: string, fn: (word: string) => void): void {
  const n = normalized.length
  let start = -1
  for (let i = 0; i < n; i++) {
    const c = normalized.charCodeAt(i)
    let word: boolean
    if (c < 0x80) {
      word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)
    }
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      word = WORD_CHAR.test(normalized.slice(i, i + 2))
      if (word) {
        if (start < 0)
          start = i
        i++
        continue
      }
    }
    else {
      word = WORD_CHAR.test(normalized[i]!)
    }
    if (word) {
      if (start < 0)
        start = i
    }
    else if (start >= 0) {
      fn(normalized.slice(start, i))
      start = -1
    }
  }
  if (start >= 0)
    fn(normalized.slice(start))
}

/** Normalises then splits: the words of any text as the index sees them (stop words included). */
export function tokenize(text: string): string[] {
  return words(normalize(text))
}

/**
 * Very frequent function words (already normalised) of en, fr, es, it, pt, de, sr and uk. Words that are also
 * meaningful nouns in another catalogue language ("son", "den", "will", "art") are deliberately absent.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  // en
  'the', 'of', 'and', 'an', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'are', 'was', 'were',
  'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'or', 'not', 'but', 'their', 'they', 'them', 'which',
  'who', 'has', 'have', 'had', 'into', 'also', 'than', 'our', 'we',
  // fr
  'le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'en', 'au', 'aux', 'dans', 'pour', 'par', 'sur', 'est',
  'sont', 'que', 'qui', 'avec', 'ce', 'cette', 'ces', 'se', 'sa', 'ses', 'leur', 'leurs', 'ou', 'ne', 'pas', 'il', 'elle', 'ils',
  // es, it, pt
  'el', 'los', 'las', 'del', 'una', 'por', 'para', 'con', 'su', 'sus', 'al', 'es', 'lo', 'como', 'il', 'gli', 'di',
  'della', 'dei', 'delle', 'che', 'per', 'da', 'nel', 'nella', 'alla', 'sono', 'non', 'os', 'as', 'do', 'dos', 'das',
  'em', 'no', 'na', 'um', 'uma', 'com',
  // de
  'der', 'die', 'das', 'dem', 'und', 'ein', 'eine', 'einer', 'eines', 'im', 'zu', 'mit', 'von', 'auf', 'fur', 'ist',
  'sind', 'sich', 'nicht', 'als', 'auch', 'bei', 'aus',
  // sr (Latin, as normalised; Cyrillic normalises to the same)
  'za', 'je', 'od', 'sa', 'koji', 'koja', 'koje', 'kao', 'iz', 'po', 'ili',
  // uk (Cyrillic words made only of letters shared with Serbian are transliterated by normalize)
  'ta', 'що', 'для', 'це', 'як', 'які', 'який',
])

const LONGEST_STOP_WORD = Math.max(...[...STOP_WORDS].map(w => w.length))

/** A word worth indexing: two characters or more and not a stop word. */
export function isIndexed(word: string): boolean {
  return word.length >= 2 && (word.length > LONGEST_STOP_WORD || !STOP_WORDS.has(word))
}

/** One word of a query, normalised. */
export interface QueryTerm {
  term: string
  /** Match index words that start with it (the last word of the query, which may still be being typed). */
  prefix: boolean
  /** Match the word itself (false for a stop word kept only as a prefix). */
  exact: boolean
}

/** At most this many words of a query are used; more add little and would slow every keystroke down. */
export const MAX_QUERY_TERMS = 16

/** Parses query text into terms: see the module comment for stop words and the last word. */
export function queryTerms(text: string): QueryTerm[] {
  const all = tokenize(text)
  const out: QueryTerm[] = []
  const seen = new Map<string, QueryTerm>()
  all.forEach((term, i) => {
    if (term.length < 2)
      return
    const last = i === all.length - 1
    const stop = STOP_WORDS.has(term)
    if (stop && !last)
      return
    const prev = seen.get(term)
    if (prev) {
      // "roma rom": the same word typed twice; keep one term that allows both forms.
      prev.prefix ||= last
      prev.exact ||= !stop
      return
    }
    if (out.length >= MAX_QUERY_TERMS)
      return
    const q: QueryTerm = { term, prefix: last, exact: !stop }
    seen.set(term, q)
    out.push(q)
  })
  return out
}
