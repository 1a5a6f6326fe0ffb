/**
 * One spelling for words that British and American English (and, for a few, French) write differently:
 * "neighbourhood" → "neighborhood", "programme" → "program", "theatre" → "theater", "organisation" →
 * "organization". The index holds the canonical form beside the word as written, and a query looks the
 * canonical form of each word up too, so either spelling finds both. Works on normalised words.
 *
 * Rules, not a general converter: an "-our" → "-or" rule alone would also turn "four", "tour" or the French
 * "pour" into non-words that could meet real ones, so only listed stems change.
 */

/** Stems whose "our" is American "or"; any word starting with one is rewritten ("neighbouring"). */
const OUR_STEMS = [
  'armour', 'behaviour', 'clamour', 'colour', 'endeavour', 'favour', 'flavour', 'harbour', 'honour', 'humour',
  'labour', 'neighbour', 'odour', 'parlour', 'rigour', 'rumour', 'saviour', 'splendour', 'tumour', 'valour',
  'vapour', 'vigour',
]

/** "-ise" verbs common in the catalogue's field; "-isation" is handled for every word. */
const ISE_STEMS = [
  'apolog', 'authoris', 'capitalis', 'categoris', 'centralis', 'civilis', 'criticis', 'decentralis', 'democratis',
  'emphasis', 'finalis', 'globalis', 'harmonis', 'individualis', 'legalis', 'marginalis', 'maximis', 'memoris',
  'minimis', 'mobilis', 'modernis', 'normalis', 'optimis', 'organis', 'polaris', 'prioritis', 'radicalis',
  'realis', 'recognis', 'revitalis', 'sensitis', 'socialis', 'specialis', 'stabilis', 'standardis', 'stigmatis',
  'summaris', 'symbolis', 'utilis', 'visualis',
]

const WHOLE: Readonly<Record<string, string>> = {
  ageing: 'aging', defence: 'defense', enrolment: 'enrollment', grey: 'gray', licence: 'license',
  offence: 'offense', practise: 'practice', practised: 'practiced', travelled: 'traveled', travelling: 'traveling',
  programme: 'program', programmes: 'programs',
}

const RE_TO_ER = /^(theat|cent|met|lit|fib|calib|spect|somb|lust|meag|sab)re([sd]?)$/
const LOGUE = /^(catalog|dialog|analog|monolog|prolog|epilog)ue(s?)$/
const ISATION = /^([a-z]{3,})isation(s?)$/
const ISE_ENDINGS = /^(?:e|es|ed|ing|er|ers)$/

function ourStem(word: string): string | undefined {
  for (const stem of OUR_STEMS) {
    if (word.startsWith(stem))
      return `${stem.slice(0, -2)}r${word.slice(stem.length)}`
  }
  return undefined
}

function iseStem(word: string): string | undefined {
  for (const stem of ISE_STEMS) {
    const full = stem.endsWith('s') ? stem : `${stem}is`
    if (word.startsWith(full) && ISE_ENDINGS.test(word.slice(full.length)))
      return `${full.slice(0, -1)}z${word.slice(full.length)}`
  }
  return undefined
}

/** The canonical (American) spelling of a normalised word; the word itself when it has no other. */
export function canonicalSpelling(word: string): string {
  if (word.length < 4 || word.charCodeAt(0) > 0x7a)
    return word
  const whole = WHOLE[word]
  if (whole)
    return whole
  const our = ourStem(word)
  if (our)
    return our
  if (RE_TO_ER.test(word))
    return word.replace(RE_TO_ER, (_all, stem: string, end: string) => `${stem}er${end === 'd' ? 'ed' : end}`)
  if (LOGUE.test(word))
    return word.replace(LOGUE, '$1$2')
  if (ISATION.test(word))
    return word.replace(ISATION, '$1ization$2')
  return iseStem(word) ?? word
}
