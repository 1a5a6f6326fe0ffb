/**
 * Word stems by language: Snowball stemmers from @orama/stemmers (one small module per language, 0.7–6 kB
 * gzip each, about 34 kB for all below, against 60 kB for the single-file snowball-stemmers package, whose
 * last release is years old), English by wink-porter2-stemmer (Snowball's English, Porter2: Orama's English
 * is the original Porter, which makes one stem of "community" and "communication", of "general" and
 * "generously"), and our light stemmers for the South Slavic languages and Polish.
 *
 * Only the search-index builder and the query helpers (assist.ts) import this module, so the stemmers load
 * with them, after the first list, never in the start-up bundle.
 */
import { stemmer as arabic } from '@orama/stemmers/arabic'
import { stemmer as danish } from '@orama/stemmers/danish'
import { stemmer as dutch } from '@orama/stemmers/dutch'
// @ts-expect-error the package ships no type declarations (it exports one function, word → stem)
import porter2 from 'wink-porter2-stemmer'
import { stemmer as finnish } from '@orama/stemmers/finnish'
import { stemmer as french } from '@orama/stemmers/french'
import { stemmer as german } from '@orama/stemmers/german'
import { stemmer as greek } from '@orama/stemmers/greek'
import { stemmer as italian } from '@orama/stemmers/italian'
import { stemmer as norwegian } from '@orama/stemmers/norwegian'
import { stemmer as portuguese } from '@orama/stemmers/portuguese'
import { stemmer as russian } from '@orama/stemmers/russian'
import { stemmer as spanish } from '@orama/stemmers/spanish'
import { stemmer as swedish } from '@orama/stemmers/swedish'
import { stemmer as turkish } from '@orama/stemmers/turkish'
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian'
import { polishStem, southSlavicStem } from './lightStemmers'

export type Stemmer = (word: string) => string

const english: Stemmer = porter2 as Stemmer

const CYRILLIC = /[\u0400-\u04ff]/

/**
 * Ukrainian words made only of letters shared with Serbian reach the index transliterated to Latin
 * (normalize.ts), where the Ukrainian stemmer cannot read them: those get the South Slavic endings, which
 * are mostly the same.
 */
function ukrainianStem(word: string): string {
  return CYRILLIC.test(word) ? ukrainian(word) : southSlavicStem(word)
}

/** By primary language subtag (BCP 47). */
const STEMMERS: Readonly<Record<string, Stemmer>> = {
  ar: arabic, bs: southSlavicStem, da: danish, de: german, el: greek, en: english, es: spanish, fi: finnish,
  fr: french, hr: southSlavicStem, it: italian, me: southSlavicStem, nb: norwegian, nl: dutch, nn: norwegian,
  no: norwegian, pl: polishStem, pt: portuguese, ru: russian, sh: southSlavicStem, sr: southSlavicStem, sv: swedish,
  tr: turkish, uk: ukrainianStem,
}

/** Words shorter than this are not stemmed: stemmers cut short words into ambiguous stubs. */
const MIN_LENGTH = 4

/** The stemmer of a language (BCP 47 tag), or undefined when it has none. */
export function stemmerFor(language: string): Stemmer | undefined {
  const stem = STEMMERS[language.split('-')[0]!.toLowerCase()]
  if (!stem)
    return undefined
  return word => (word.length < MIN_LENGTH || /^\d/.test(word) ? word : stem(word))
}
