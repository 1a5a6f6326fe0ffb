/**
 * The search benchmark's query mix: ~200 deterministic queries of the kinds people type — single words,
 * prefixes while typing ("int", "inte", "inter" …), two words, words with one typo, diacritics-free and
 * Cyrillic spellings — a third of them with 1–3 facet selections, plus empty text with facets, and a few
 * non-relevance sorts. Shared by the Chromium page and the Node runs.
 *
 * Words are drawn uniformly from the 10th to the 400th most frequent English content words of the synthetic
 * vocabulary: search words, not the handful that every practice contains (those still come in through the
 * typing sequences "intercultural", "community" …). With the synthetic Zipf text even these match 15–90 % of
 * the practices, more than real searches would, so the mix errs on the slow side.
 */
import { emptyQuery, type SearchQuery, type SortKey } from '../../src/search/index'
import { createRng } from '../synth/lib'
import { COUNTRIES, EN_CONTENT, TOPICS } from '../synth/vocab'

const WORDS = EN_CONTENT.slice(10, 400).filter(w => /^[a-z]{4,}$/.test(w))
const TYPING = ['intercultural', 'integration', 'community', 'refugees', 'mediation', 'participation', 'neighbourhood', 'discrimination', 'language', 'education', 'employment', 'roma']
const SPECIAL = ['portimao', 'besos', 'beograd', 'Београд', 'zurich', 'goteborg', 'lodz', 'ciudad', 'città', 'Stadt', 'zajednica', 'місто', 'anti-rumour', 'covid-19']

function typo(word: string, r: number): string {
  const i = 1 + Math.floor(r * (word.length - 2))
  const kind = Math.floor(r * 1000) % 3
  if (kind === 0)
    return word.slice(0, i) + word.slice(i + 1) // deletion
  if (kind === 1)
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) // transposition
  return `${word.slice(0, i)}e${word.slice(i + 1)}` // substitution
}

export function queryMix(seed = 42): SearchQuery[] {
  const rnd = createRng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const word = (): string => pick(WORDS)
  const texts: string[] = []
  for (let i = 0; i < 40; i++)
    texts.push(word())
  for (const w of TYPING) {
    for (let len = 3; len <= Math.min(w.length, 8); len++)
      texts.push(w.slice(0, len))
  }
  for (let i = 0; i < 30; i++)
    texts.push(`${word()} ${word()}`)
  for (let i = 0; i < 20; i++) {
    let w = word()
    while (w.length < 6)
      w = word()
    texts.push(typo(w, rnd()))
  }
  texts.push(...SPECIAL)

  const facets = (q: SearchQuery): void => {
    const n = 1 + Math.floor(rnd() * 3)
    for (let k = 0; k < n; k++) {
      const which = Math.floor(rnd() * 5)
      if (which === 0)
        q.topic.push(pick(TOPICS))
      else if (which === 1)
        q.country.push(COUNTRIES[Math.floor(COUNTRIES.length * rnd() ** 2)]![0])
      else if (which === 2)
        q.year.push(2008 + Math.floor(rnd() * 18))
      else if (which === 3)
        q.language.push(rnd() < 0.7 ? 'en' : pick(['fr', 'es', 'sr-Latn', 'de']))
      else
        q.city.push(pick(COUNTRIES[Math.floor(COUNTRIES.length * rnd() ** 2)]![2]))
    }
  }
  const sorts: SortKey[] = ['newest', 'title', 'country']
  const out: SearchQuery[] = texts.map((text) => {
    const q: SearchQuery = { ...emptyQuery(), text }
    if (rnd() < 0.33)
      facets(q)
    if (rnd() < 0.1)
      q.sort = pick(sorts)
    return q
  })
  for (let i = 0; i < 20; i++) {
    const q: SearchQuery = { ...emptyQuery(), sort: rnd() < 0.7 ? 'relevance' : pick(sorts) }
    facets(q)
    out.push(q)
  }
  return out
}
