/**
 * Deterministic synthetic practices for benchmarks and tests: realistic sizes and distributions (titles 3–15
 * words, summaries 40–60, bodies 300–800 in 2–4 "## " sections), ~35 countries drawn Zipf-like with ~250
 * cities, 1–3 of the 22 topics, the period forms of the real catalogue, languages mostly en with fr, es, it,
 * de, sr-Latn (half of them with an sr-Cyrl translation) and uk, and a long tail of proper names so that the
 * vocabulary keeps growing with the catalogue as real text does. A seeded PRNG: the same count and seed give
 * identical output, and the first N practices of a larger run equal a run of N.
 */
import type { Practice } from '../../src/catalogue/schema'
import {
  COUNTRIES, DE_CONTENT, DE_FUNCTION, EN_CONTENT, EN_FUNCTION, ES_CONTENT, ES_FUNCTION, FR_CONTENT, FR_FUNCTION,
  HEADINGS, IT_CONTENT, IT_FUNCTION, SR_CONTENT, SR_FUNCTION, SYLLABLES, TOPICS, UK_CONTENT, UK_FUNCTION,
} from './vocab'

type Rng = () => number

/** sfc32 seeded through splitmix32: fast, good enough, and identical on every platform. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split(), b = split(), c = split(), d = split()
  return () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

/** Samples ranks 0..n-1 with P(k) ∝ 1 / (k + 1)^s. */
function zipf(n: number, s: number): (r: number) => number {
  const cdf = new Float64Array(n)
  let sum = 0
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** s
    cdf[k] = sum
  }
  return (r) => {
    const x = r * sum
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cdf[mid]! < x)
        lo = mid + 1
      else
        hi = mid
    }
    return lo
  }
}

interface Lang {
  content: readonly string[]
  fn: readonly string[]
  pick: (r: number) => number
  headings: readonly string[]
}

const LANGS: Record<string, Lang> = Object.fromEntries(([
  ['en', EN_CONTENT, EN_FUNCTION],
  ['fr', FR_CONTENT, FR_FUNCTION],
  ['es', ES_CONTENT, ES_FUNCTION],
  ['it', IT_CONTENT, IT_FUNCTION],
  ['de', DE_CONTENT, DE_FUNCTION],
  ['sr-Latn', SR_CONTENT, SR_FUNCTION],
  ['uk', UK_CONTENT, UK_FUNCTION],
] as const).map(([tag, content, fn]) => [tag, { content, fn, pick: zipf(content.length, 0.9), headings: HEADINGS[tag]! }]))

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', đ: 'ђ', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'ј', k: 'к',
  l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', š: 'ш', t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж',
}

/** Serbian Latin → Serbian Cyrillic (lj, nj, dž digraphs included). */
export function toSerbianCyrillic(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    const lower = ch.toLowerCase()
    const upper = ch !== lower
    const two = (lower + (text[i + 1] ?? '')).toLowerCase()
    let cyr: string | undefined
    if (two === 'lj' || two === 'nj' || two === 'dž') {
      cyr = two === 'lj' ? 'љ' : two === 'nj' ? 'њ' : 'џ'
      i++
    }
    else {
      cyr = LATIN_TO_CYRILLIC[lower]
    }
    out += cyr === undefined ? ch : upper ? cyr.toUpperCase() : cyr
  }
  return out
}

const TOPIC_PICK = zipf(TOPICS.length, 0.7)
const COUNTRY_PICK = zipf(COUNTRIES.length, 0.9)
/** The long tail: up to 400,000 distinct names, Zipf-distributed. */
const TAIL_SIZE = 400_000
const TAIL_PICK = zipf(TAIL_SIZE, 1.0)

function tailName(k: number): string {
  // A bijective-ish spelling of k in syllables: 2–4 of them.
  let x = k + 1
  let out = ''
  const parts = 2 + (k % 3)
  for (let i = 0; i < parts; i++) {
    out += SYLLABLES[x % SYLLABLES.length]
    x = Math.floor(x / SYLLABLES.length) + i * 7
  }
  return out[0]!.toUpperCase() + out.slice(1)
}

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1)
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/đ/g, 'dj').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
}

type Int = (lo: number, hi: number) => number

/** Text in a language: words drawn by frequency, sentences, prose, a body with headed sections, a title. */
function textWriter(rnd: Rng, int: Int) {
  const word = (lang: Lang, place: string): string => {
    const r = rnd()
    if (r < 0.36)
      return lang.fn[Math.floor(rnd() * lang.fn.length)]!
    if (r < 0.375)
      return tailName(TAIL_PICK(rnd()))
    if (r < 0.38)
      return place
    if (r < 0.383)
      return String(int(1990, 2025))
    return lang.content[lang.pick(rnd())]!
  }
  const sentence = (lang: Lang, place: string, words: number): string => {
    const parts: string[] = []
    for (let i = 0; i < words; i++)
      parts.push(word(lang, place))
    if (words > 10 && rnd() < 0.4)
      parts[int(3, words - 4)] += ','
    return `${capitalise(parts.join(' '))}.`
  }
  /** Writes `words` words as pieces of min–max words each (the last one shorter), one `write` per piece. */
  const inPieces = (words: number, min: number, max: number, write: (n: number) => string): string[] => {
    const out: string[] = []
    for (let left = words; left > 0;) {
      const n = Math.min(left, int(min, max))
      out.push(write(n))
      left -= n
    }
    return out
  }
  const prose = (lang: Lang, place: string, words: number): string =>
    inPieces(words, 8, 22, n => sentence(lang, place, n)).join(' ')
  const body = (lang: Lang, place: string): string => {
    const total = int(300, 800)
    const sections = int(2, 4)
    const paragraphs: string[] = []
    for (let s = 0; s < sections; s++) {
      paragraphs.push(`## ${lang.headings[s]!}`)
      paragraphs.push(...inPieces(Math.round(total / sections), 40, 120, n => prose(lang, place, n)))
    }
    return paragraphs.join('\n\n')
  }
  const title = (lang: Lang, place: string): string => {
    const n = int(3, 15)
    const parts: string[] = []
    for (let i = 0; i < n; i++) {
      const r = rnd()
      parts.push(i > 0 && i < n - 1 && r < 0.2 ? lang.fn[Math.floor(rnd() * lang.fn.length)]! : r < 0.26 ? tailName(TAIL_PICK(rnd())) : lang.content[lang.pick(rnd())]!)
    }
    if (place && rnd() < 0.3)
      parts.push(place)
    return capitalise(parts.join(' '))
  }
  return { prose, body, title }
}

/** A period in one of the forms the catalogue has: since a year, a range, one year, "ongoing", none. */
function synthPeriod(rnd: Rng, int: Int): Practice['period'] {
  const form = rnd()
  if (form < 0.3) {
    const start = int(2005, 2024)
    return { text: `Since ${start}`, start, ongoing: true }
  }
  if (form < 0.65) {
    const start = int(2000, 2022)
    const end = Math.min(2025, start + int(1, 8))
    return { text: `${start}-${end}`, start, end, ongoing: false }
  }
  if (form < 0.9) {
    const year = int(2008, 2025)
    return { text: String(year), start: year, end: year, ongoing: false }
  }
  if (form < 0.95)
    return { text: 'ongoing', ongoing: true }
  return { text: '', ongoing: false }
}

/** Practice number i. */
function synthPractice(i: number, rnd: Rng, int: Int, w: ReturnType<typeof textWriter>): Practice {
  const [country, native, cities] = COUNTRIES[COUNTRY_PICK(rnd())]!
  const national = rnd() < 0.05
  const city = national ? '' : cities[Math.min(cities.length - 1, Math.floor(cities.length * rnd() ** 1.6))]!
  const unreviewed = rnd() < 0.005
  const language = native !== 'en' && rnd() < 0.45 ? native : 'en'
  const lang = LANGS[language]!
  const place = city || country
  const topics = new Set<string>()
  const topicCount = int(1, 3)
  while (topics.size < topicCount)
    topics.add(TOPICS[TOPIC_PICK(rnd())]!)
  const period = synthPeriod(rnd, int)
  const t = w.title(lang, place)
  const summary = w.prose(lang, place, int(40, 60))
  const text = w.body(lang, place)
  const translations: NonNullable<Practice['translations']> = {}
  if (language === 'sr-Latn' && rnd() < 0.5)
    translations['sr-Cyrl'] = { title: toSerbianCyrillic(t), summary: toSerbianCyrillic(summary), body: toSerbianCyrillic(text) }
  else if (language === 'en' && rnd() < 0.08)
    translations.fr = { title: w.title(LANGS.fr!, place), summary: w.prose(LANGS.fr!, place, int(40, 60)), body: w.body(LANGS.fr!, place) }

  const titleSlug = slug(t).split('-').slice(0, 6).join('-') || 'practice'
  const prefix = [unreviewed ? 'xx' : country.toLowerCase(), slug(city) || 'national', titleSlug].join('-').slice(0, 140).replace(/-+$/, '')
  const id = `${prefix}-${i.toString(36)}`
  const updated = new Date(Date.UTC(2020, 0, 1) + Math.floor(rnd() * 6 * 365) * 86_400_000 + int(0, 86_399) * 1000)
  const practice: Practice = {
    id,
    slug: id,
    title: t,
    country: unreviewed ? '' : country,
    city,
    period,
    topics: [...topics],
    language,
    summary,
    body: text,
    sourceUrl: `https://www.coe.int/en/web/interculturalcities/-/${id}`,
    updatedAt: updated.toISOString(),
  }
  if (Object.keys(translations).length > 0)
    practice.translations = translations
  return practice
}

/** Generates `count` practices from `seed`. */
export function synthPractices(count: number, seed = 1): Practice[] {
  const rnd = createRng(seed)
  const int: Int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1))
  const writer = textWriter(rnd, int)
  return Array.from({ length: count }, (_, i) => synthPractice(i, rnd, int, writer))
}
