/**
 * A light guess at the language of a practice's text, good enough to tag imported records (the sources do
 * not say which language an entry is in). It scores frequent function words and letters peculiar to each
 * language; anything it cannot tell apart falls back to English, the site's main language.
 */

const FALLBACK = 'en'

/** Function words that are frequent in running text and rare in the other candidates. */
const STOPWORDS: Record<string, readonly string[]> = {
  'en': ['the', 'and', 'of', 'to', 'in', 'is', 'for', 'that', 'with', 'on', 'are', 'by', 'as', 'this', 'from', 'which', 'an', 'be', 'has', 'have', 'their', 'it'],
  'fr': ['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'dans', 'qui', 'que', 'sur', 'avec', 'au', 'aux', 'par', 'ce', 'cette', 'sont', 'leur', 'pas'],
  'es': ['el', 'los', 'las', 'del', 'y', 'que', 'es', 'una', 'para', 'por', 'con', 'se', 'su', 'sus', 'como', 'al', 'lo', 'más', 'entre', 'este'],
  'it': ['il', 'lo', 'gli', 'della', 'delle', 'dei', 'di', 'che', 'è', 'per', 'una', 'con', 'del', 'nel', 'nella', 'sono', 'alla', 'anche', 'questo', 'degli'],
  'pt': ['o', 'os', 'as', 'da', 'do', 'das', 'dos', 'que', 'em', 'uma', 'para', 'com', 'não', 'na', 'no', 'ao', 'pela', 'pelo', 'são', 'mais'],
  'de': ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'mit', 'für', 'von', 'zu', 'den', 'dem', 'des', 'auf', 'sich', 'im', 'wird', 'werden'],
  'sr-Latn': ['je', 'i', 'u', 'za', 'sa', 'od', 'koji', 'koja', 'koje', 'su', 'se', 'na', 'kako', 'da', 'ili', 'iz', 'kao', 'što', 'bi', 'ovu', 'ove', 'ih', 'sve', 'o'],
  'sr-Cyrl': ['је', 'и', 'у', 'за', 'са', 'од', 'који', 'која', 'које', 'су', 'се', 'на', 'како', 'да', 'или', 'из', 'као', 'што', 'би'],
  'uk': ['і', 'й', 'та', 'що', 'для', 'як', 'це', 'від', 'з', 'на', 'не', 'до', 'у', 'в', 'є', 'який', 'яка', 'які', 'його', 'їх'],
}

/** Letters that point strongly at one language; each occurrence adds to its score. */
const LETTERS: Record<string, RegExp> = {
  'fr': /[èêëœçàùû]/gu,
  'es': /[ñ¿¡]/gu,
  'pt': /[ãõ]/gu,
  'de': /[äöüß]/gu,
  'sr-Latn': /[čćđšž]/gu,
  'sr-Cyrl': /[ђјљњћџ]/gu,
  'uk': /[іїєґ]/gu,
}

const CYRILLIC = /\p{Script=Cyrillic}/gu
const LATIN = /\p{Script=Latin}/gu
const LETTER_WEIGHT = 0.5

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}

function scores(words: string[], text: string, candidates: readonly string[]): Map<string, number> {
  const result = new Map<string, number>()
  for (const lang of candidates) {
    const stop = new Set(STOPWORDS[lang])
    let score = words.filter(w => stop.has(w)).length
    const letters = LETTERS[lang]
    if (letters)
      score += count(text, letters) * LETTER_WEIGHT
    result.set(lang, score)
  }
  return result
}

function best(result: Map<string, number>, fallback: string): string {
  let winner = fallback
  let top = 0
  for (const [lang, score] of result) {
    if (score > top) {
      top = score
      winner = lang
    }
  }
  return winner
}

/** BCP 47 tag of the text's language: en, fr, es, it, pt, de, sr-Latn, sr-Cyrl or uk; 'en' when unsure. */
export function detectLanguage(text: string): string {
  const lower = text.normalize('NFC').toLowerCase()
  const words = lower.match(/[\p{L}\p{M}]+/gu) ?? []
  if (words.length === 0)
    return FALLBACK
  if (count(lower, CYRILLIC) > count(lower, LATIN))
    return best(scores(words, lower, ['sr-Cyrl', 'uk']), 'sr-Cyrl')
  return best(scores(words, lower, ['en', 'fr', 'es', 'it', 'pt', 'de', 'sr-Latn']), FALLBACK)
}

/** Below this many matched words a guess is only a guess: a title, a city, a line of chrome. */
const SURE_SCORE = 4
/** The winner must lead the runner-up by this factor. */
const SURE_MARGIN = 1.5

/** The text's language and whether the text says so clearly enough to overrule what a page's address claims. */
export function guessLanguage(text: string): { language: string, sure: boolean } {
  const lower = text.normalize('NFC').toLowerCase()
  const words = lower.match(/[\p{L}\p{M}]+/gu) ?? []
  if (words.length === 0)
    return { language: FALLBACK, sure: false }
  const cyrillic = count(lower, CYRILLIC) > count(lower, LATIN)
  const result = cyrillic ? scores(words, lower, ['sr-Cyrl', 'uk']) : scores(words, lower, ['en', 'fr', 'es', 'it', 'pt', 'de', 'sr-Latn'])
  const [top = 0, second = 0] = [...result.values()].sort((a, b) => b - a)
  return { language: detectLanguage(text), sure: top >= SURE_SCORE && top >= second * SURE_MARGIN }
}

/**
 * The language of a text served under a page address that names `hint` (a site code such as "fr", "sr"):
 * the text wins when it is clear (the site often serves English under /fr/), the address otherwise; for
 * Serbian the script is read from the text.
 */
export function resolveLanguage(text: string, hint?: string): string {
  const guess = guessLanguage(text)
  if (guess.sure || !hint)
    return guess.language
  if (hint === 'sr')
    return count(text, CYRILLIC) > count(text, LATIN) ? 'sr-Cyrl' : 'sr-Latn'
  return hint
}
