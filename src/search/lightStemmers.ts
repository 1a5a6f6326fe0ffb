/**
 * Light stemmers: they strip the commonest inflectional endings (case, number, gender) and nothing else, so
 * "diskriminacija", "diskriminacije" and "diskriminacijom" meet while words with different meanings stay
 * apart. They work on normalised words (diacritics folded, Serbian Cyrillic already transliterated).
 *
 * Chosen by measurement over Snowball's Serbian stemmer (the one in @orama/stemmers): on the eleven Serbian
 * inflection groups of tests/unit/search-stem.test.ts each conflates nine (the light one misses the fleeting
 * a of "podatak/podataka" and "migrant/migranata", Snowball misses "jednakošću" and "gradova"), and both keep
 * "grad/gradnja", "rad/radio", "mir/mirno" apart; the light one weighs 0.6 kB gzip against Snowball's 12 kB,
 * and it loads on every device that searches. It also serves Croatian and Bosnian (same endings), and
 * Ukrainian words that normalisation writes in Latin letters (those made only of letters shared with Serbian).
 */

/** Longest first, so "-ovima" wins over "-ima" and "-a". */
const SOUTH_SLAVIC = ['ovima', 'evima', 'ama', 'ima', 'ovi', 'ova', 'ove', 'evi', 'oga', 'ome', 'omu', 'ega', 'emu', 'ih', 'im', 'om', 'em', 'og', 'eg', 'oj', 'ej', 'u', 'a', 'e', 'i', 'o']
const POLISH = ['owie', 'ami', 'ach', 'ego', 'emu', 'ych', 'ymi', 'ich', 'imi', 'ow', 'om', 'em', 'ie', 'ej', 'y', 'i', 'a', 'u', 'e', 'o']
/** Stems shorter than this are left whole: "ima" or "sve" would lose too much. */
const MIN_STEM = 3

function strip(word: string, suffixes: readonly string[]): string {
  for (const s of suffixes) {
    if (word.length - s.length >= MIN_STEM && word.endsWith(s))
      return word.slice(0, -s.length)
  }
  return word
}

/** Serbian, Croatian, Bosnian, Montenegrin (Latin or transliterated Cyrillic). */
export function southSlavicStem(word: string): string {
  // Nouns in -ost soften before the instrumental's -ju: "jednakošću" (folded "jednakoscu") is "jednakost".
  if (word.endsWith('oscu') && word.length > 6)
    return `${word.slice(0, -4)}ost`
  return strip(word, SOUTH_SLAVIC)
}

export function polishStem(word: string): string {
  return strip(word, POLISH)
}
