/**
 * The other forms under which a word is indexed and looked up: its canonical spelling (spelling.ts) and the
 * stem of that spelling in the text's language (stemmers.ts). The builder adds them beside each word of a
 * text; a query looks up the same forms of each of its words, stemmed in every language the index holds,
 * since a query does not say which language it is in.
 */
import { canonicalSpelling } from './spelling'
import type { Stemmer } from './stemmers'

/** The forms of a normalised word other than itself, distinct. */
export function otherForms(word: string, stemmers: readonly Stemmer[]): string[] {
  const canonical = canonicalSpelling(word)
  const out: string[] = []
  if (canonical !== word)
    out.push(canonical)
  for (const stem of stemmers) {
    const s = stem(canonical)
    if (s !== word && s.length >= 2 && !out.includes(s))
      out.push(s)
  }
  return out
}

/**
 * Hyphenated compounds written as one word: "anti-rumour" is also "antirumour" (and "antirumor"), so that
 * "antirumor" finds it. Pairs only: longer chains are rare and their halves are indexed anyway.
 */
export function joinedCompounds(normalized: string): string[] {
  const out: string[] = []
  for (const m of normalized.matchAll(/(?<![\p{L}\p{N}])([\p{L}\p{N}]+)[-‐‑](?=([\p{L}\p{N}]+))/gu))
    out.push(m[1]! + m[2]!, canonicalSpelling(m[1]!) + canonicalSpelling(m[2]!))
  return out
}
