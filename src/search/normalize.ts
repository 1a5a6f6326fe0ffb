/**
 * The one normaliser used for the index and for queries, so that both sides always agree:
 *
 * 1. Case is folded (`toLowerCase`, locale-independent).
 * 2. Serbian Cyrillic is transliterated to Serbian Latin (ђ→đ, ј→j, љ→lj, њ→nj, ћ→ć, џ→dž, ч→č, ш→š, ж→ž …),
 *    word by word: a Cyrillic word is transliterated only when every Cyrillic letter in it belongs to the
 *    Serbian alphabet (а–ш plus ђ ј љ њ ћ џ). A word with any other Cyrillic letter (Ukrainian і ї є ґ й,
 *    Russian ы э ё ъ, the soft sign ь, щ ю я, Macedonian ѓ ќ ѕ …) is left in Cyrillic, marks included, so
 *    "Київ" stays "київ" instead of becoming a mixed-script "kiїv". Letters shared with Ukrainian or Russian
 *    in words made only of shared letters ("програма") are transliterated; that is harmless because the query
 *    goes through the same function.
 * 3. Latin letters lose their diacritics (Unicode NFKD, combining marks dropped — only after a Latin letter;
 *    Cyrillic, Greek and other scripts keep theirs), and the Latin letters that do not decompose are folded
 *    explicitly: ł→l, ß→ss, æ→ae, œ→oe, ø→o, ð→d, þ→th, ı→i, ħ→h, ŧ→t.
 * 4. đ (and so Cyrillic ђ) folds to "dj", the usual ASCII spelling in Serbian and Croatian (Djokovic,
 *    Medjugorje): "Đorđe", "Ђорђе" and "Djordje" all become "djordje". (A reader who strips the stroke and
 *    types "dorde" is two edits away and is not found; that is the price of the common convention.)
 *
 * So "Portimão"→"portimao", "Besós"→"besos", "Београд"→"beograd", "Łódź"→"lodz", "Straße"→"strasse".
 */

/** Serbian Cyrillic (lower case) → folded Latin; the Latin form's diacritics are already removed (č→c …). */
const SERBIAN_CYRILLIC: Readonly<Record<string, string>> = {
  'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'ђ': 'dj', 'е': 'e', 'ж': 'z', 'з': 'z', 'и': 'i',
  'ј': 'j', 'к': 'k', 'л': 'l', 'љ': 'lj', 'м': 'm', 'н': 'n', 'њ': 'nj', 'о': 'o', 'п': 'p', 'р': 'r',
  'с': 's', 'т': 't', 'ћ': 'c', 'у': 'u', 'ф': 'f', 'х': 'h', 'ц': 'c', 'ч': 'c', 'џ': 'dz', 'ш': 's',
}

/** Latin letters that NFKD leaves alone. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  'ß': 'ss', 'ẞ': 'ss', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l',
  'đ': 'dj', 'Đ': 'dj', 'ð': 'd', 'Ð': 'd', 'þ': 'th', 'Þ': 'th', 'ı': 'i', 'ħ': 'h', 'Ħ': 'h', 'ŧ': 't', 'Ŧ': 't',
  'ŀ': 'l', 'Ŀ': 'l', 'ĸ': 'k',
}

/**
 * Fold table for the Latin-1 Supplement, Latin Extended-A/B, IPA-free Latin Extended Additional, and the
 * compatibility characters in U+00A0–U+00BF (nbsp, ª, º, ², ½ …). Built once from the platform's NFKD; an
 * immutable module constant, not shared mutable state.
 */
const LATIN_FOLD: ReadonlyMap<number, string> = (() => {
  const table = new Map<number, string>()
  const add = (from: number, to: number): void => {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c)
      const special = LATIN_SPECIAL[ch]
      const folded = special ?? ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
      if (folded !== ch)
        table.set(c, folded)
    }
  }
  add(0x00a0, 0x024f)
  add(0x1e00, 0x1eff)
  add(0xfb00, 0xfb06) // ﬁ ﬂ ligatures
  return table
})()

function isLatinCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)
}

function isCyrillicCode(c: number): boolean {
  return c >= 0x400 && c <= 0x52f
}

function isMarkCode(c: number): boolean {
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f)
}

/** Normalises text for matching: see the module comment. Word boundaries are preserved (no characters merge words). */
export function normalize(text: string): string {
  const s = text.toLowerCase()
  let first = 0
  while (first < s.length && s.charCodeAt(first) < 0x80)
    first++
  return first === s.length ? s : fold(composed(s, first))
}

/**
 * Decomposed input ("a" + U+0301) is composed first so that it folds like the precomposed letter and a Cyrillic
 * "и" + breve is recognised as "й". `first` is the first non-ASCII character (marks come after it).
 */
function composed(s: string, first: number): string {
  for (let i = first; i < s.length; i++) {
    if (isMarkCode(s.charCodeAt(i)))
      return s.normalize('NFC')
  }
  return s
}

/** The end of the run of Cyrillic letters and marks starting at i. */
function cyrillicRunEnd(s: string, i: number): number {
  let j = i
  while (j < s.length && (isCyrillicCode(s.charCodeAt(j)) || isMarkCode(s.charCodeAt(j))))
    j++
  return j
}

/** s[i..j) transliterated when every character is a Serbian Cyrillic letter (no marks), else undefined. */
function serbianLatin(s: string, i: number, j: number): string | undefined {
  let out = ''
  for (let k = i; k < j; k++) {
    const latin = SERBIAN_CYRILLIC[s[k]!]
    if (latin === undefined)
      return undefined
    out += latin
  }
  return out
}

/** Steps 2–4 of the module comment over lower-case, composed text. */
function fold(s: string): string {
  let out = ''
  let runStart = 0 // start of the pending run of characters copied unchanged
  let lastLatin = false // the last character written was a Latin letter (its marks are dropped)
  const n = s.length
  let i = 0
  while (i < n) {
    const c = s.charCodeAt(i)
    if (c < 0x80) {
      lastLatin = (c >= 0x61 && c <= 0x7a)
      i++
      continue
    }
    if (isMarkCode(c)) {
      if (lastLatin) {
        out += s.slice(runStart, i)
        runStart = i + 1
      }
      i++
      continue
    }
    const folded = LATIN_FOLD.get(c)
    if (folded !== undefined) {
      out += s.slice(runStart, i) + folded
      runStart = i + 1
      lastLatin = true
      i++
      continue
    }
    if (isCyrillicCode(c)) {
      // A run of Cyrillic letters and marks: transliterate it only if it is all Serbian.
      const j = cyrillicRunEnd(s, i)
      const latin = serbianLatin(s, i, j)
      if (latin !== undefined) {
        out += s.slice(runStart, i) + latin
        runStart = j
      }
      lastLatin = latin !== undefined
      i = j
      continue
    }
    lastLatin = isLatinCode(c)
    i++
  }
  return runStart === 0 ? s : out + s.slice(runStart)
}
