/**
 * Serbian is written in two scripts, letter for letter: a text in one reads in the other by transliteration.
 * Latin to Cyrillic has to read the digraphs lj, nj and dž as one letter each (љ, њ, џ), except in the few
 * words where the two letters meet across a prefix (nad|živeti, kon|jugacija); and it must leave alone what
 * is not Serbian: web and mail addresses, acronyms (ICC, EU, COVID) and foreign names, recognised by a
 * letter Serbian Latin does not have (Wi-Fi, Sydney, Zürich). Cyrillic to Latin is a plain letter map.
 */
type SerbianScript = 'Latn' | 'Cyrl'

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', đ: 'ђ', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'ј', k: 'к',
  l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', š: 'ш', t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж',
  lj: 'љ', nj: 'њ', dž: 'џ',
}

const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
)

/** Word beginnings where "nj" or "dž" are two letters: kon|jugacija, in|jekcija, nad|živeti, pod|župan. */
const SPLIT_DIGRAPH = /^(?:konjug|konjunk|injek|injunk|vanjezi|nadž|podž|predž|odžal|odživ)/u

/**
 * A web or mail address, or a word with its hyphenated parts ("Wi-Fi" is one foreign word, not "Wi" and
 * "Fi"): addresses pass through untouched, their letters are not Serbian words.
 */
const TOKEN = /((?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)|[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/giu
const SERBIAN_LATIN_WORD = /^[a-pr-vzčćđšž]+$/iu

const isUpper = (letter: string | undefined): boolean => letter !== undefined && letter !== letter.toLowerCase()

function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && isUpper(word)
}

/**
 * A line with no small letter at all ("LJUBAV I MIR", a heading in capitals) is Serbian in capitals; in a
 * line that has small letters, a word in capitals is an acronym (ICC, EU) and stays as it is.
 */
function isShouting(line: string): boolean {
  return !/\p{Ll}/u.test(line) && /\p{Lu}{2}/u.test(line)
}

function compoundToCyrillic(compound: string, shouting: boolean): string {
  const parts = compound.split('-')
  const foreign = parts.some(part => !SERBIAN_LATIN_WORD.test(part) || (!shouting && isAllCaps(part)))
  return foreign ? compound : parts.map(wordToCyrillic).join('-')
}

function wordToCyrillic(word: string): string {
  // Digraphs that start inside a split prefix are read as two letters.
  const splitBefore = SPLIT_DIGRAPH.exec(word.toLowerCase())?.[0].length ?? 0
  let out = ''
  for (let i = 0; i < word.length; i++) {
    const pair = word.slice(i, i + 2)
    const digraph = pair.length === 2 && i + 1 >= splitBefore ? LATIN_TO_CYRILLIC[pair.toLowerCase()] : undefined
    const letter = digraph ? pair : word[i]!
    const mapped = digraph ?? LATIN_TO_CYRILLIC[letter.toLowerCase()] ?? letter
    out += isUpper(letter[0]) ? mapped.toUpperCase() : mapped
    i += letter.length - 1
  }
  return out
}

function wordToLatin(word: string): string {
  let out = ''
  for (let i = 0; i < word.length; i++) {
    const letter = word[i]!
    const mapped = CYRILLIC_TO_LATIN[letter.toLowerCase()]
    if (mapped === undefined || !isUpper(letter))
      out += mapped ?? letter
    // Љ, Њ, Џ: "LJUBAV" in a word in capitals, "Ljubav" at the start of a capitalised one.
    else if (mapped.length === 2 && isUpper(word[i + 1] ?? (i > 0 ? word[i - 1] : undefined)))
      out += mapped.toUpperCase()
    else
      out += mapped.charAt(0).toUpperCase() + mapped.slice(1)
  }
  return out
}

function byWord(text: string, convert: (word: string) => string): string {
  return text.normalize('NFC').replace(TOKEN, (token, address: string | undefined) => address ? token : convert(token))
}

export function latinToCyrillic(text: string): string {
  return text.split('\n').map((line) => {
    const shouting = isShouting(line)
    return byWord(line, compound => compoundToCyrillic(compound, shouting))
  }).join('\n')
}

export function cyrillicToLatin(text: string): string {
  return byWord(text, wordToLatin)
}

export function toSerbianScript(text: string, script: SerbianScript): string {
  return script === 'Cyrl' ? latinToCyrillic(text) : cyrillicToLatin(text)
}

/** The script of a Serbian tag ("sr-Latn", "sr-Cyrl-RS"); plain "sr" is read from the text itself. */
export function serbianScript(tag: string, text = ''): SerbianScript | undefined {
  const [language, ...rest] = tag.toLowerCase().split('-')
  if (language !== 'sr')
    return undefined
  if (rest.includes('latn'))
    return 'Latn'
  if (rest.includes('cyrl'))
    return 'Cyrl'
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0
  return latin > cyrillic ? 'Latn' : 'Cyrl'
}

export interface ScriptedText {
  text: string
  /** The tag of the text as shown: "sr-Cyrl" for a Latin text shown in Cyrillic. */
  language: string
}

/**
 * A Serbian text in the interface's script: Latin under sr-Latn, Cyrillic under sr-Cyrl. Undefined when
 * there is nothing to convert (not Serbian, another interface, the same script already).
 */
export function inInterfaceScript(text: string, language: string, uiTag: string): ScriptedText | undefined {
  const ui = serbianScript(uiTag)
  const written = serbianScript(language, text)
  return ui && written && ui !== written ? { text: toSerbianScript(text, ui), language: `sr-${ui}` } : undefined
}
