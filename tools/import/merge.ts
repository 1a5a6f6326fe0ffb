/**
 * Entries from several pages → one record per practice. The same practice shows up as a card on several
 * listing pages, as a card and a detail page, and in several languages; each of those becomes one record,
 * with the other languages under `translations`.
 */
import { sectionsFromText, formatBody, type Section } from '../../src/catalogue/body'
import { isUnparsedPeriod } from '../../src/catalogue/period'
import { checkPractice, ReviewFlagSchema, type Practice, type PracticeText, type ReviewFlag } from '../../src/catalogue/schema'
import { practiceId } from '../../src/catalogue/slug'
import type { ParsedEntry, Problem } from './types'
import { practiceSlugFromUrl } from './url'

/** No date is known for a page dump, so records get a fixed one and output stays reproducible. */
const DEFAULT_UPDATED_AT = '2024-01-01T00:00:00.000Z'

/** The site's main language: when a practice exists in it, that text is the record's own. */
const MAIN_LANGUAGE = 'en'

const PROVISIONAL_TITLE_CHARS = 30
const PROVISIONAL_TITLE_WORDS = 8
const SUMMARY_MAX_CHARS = 500
/** A teaser shorter than this is too weak a fingerprint to match a detail page's text. */
const MIN_TEASER_MATCH = 20
const ELLIPSIS = '…'

interface MergeResult {
  practices: Practice[]
  problems: Problem[]
  /** Records that failed the schema and were left out. */
  invalid: { id: string, file: string, line: number }[]
}

/** Lower-case, accents and punctuation dropped: for comparing texts, never for storing them. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** The first words of a text (after any "Purpose:" label), enough to tell entries apart in a list. */
function provisionalTitle(text: string): string {
  const first = sectionsFromText(text).flatMap(s => s.paragraphs)[0] ?? ''
  const words: string[] = []
  for (const word of first.split(' ').filter(w => w !== '')) {
    words.push(word)
    if (words.join(' ').length >= PROVISIONAL_TITLE_CHARS || words.length >= PROVISIONAL_TITLE_WORDS)
      break
  }
  const title = words.join(' ').replace(/[\s,;:.…-]+$/u, '')
  return title === '' ? '' : title + ELLIPSIS
}

function entryTitle(entry: ParsedEntry): string {
  return entry.title || provisionalTitle(entry.summary || entry.paragraphs.join('\n\n')) || 'Untitled practice'
}

/** The slug of the entry's URL when known (stable across runs and languages), else one made from place and title. */
function entryId(entry: ParsedEntry): string {
  const slug = entry.url ? practiceSlugFromUrl(entry.url) : undefined
  return slug ?? practiceId({ country: entry.country, city: entry.city, title: entryTitle(entry) })
}

function bodyText(entry: ParsedEntry): string {
  return entry.paragraphs.join(' ')
}

/** The opening of a body, cut at a sentence end where possible, as the record's summary. */
function leadOf(sections: readonly Section[]): string {
  const first = sections.flatMap(s => s.paragraphs)[0] ?? ''
  if (first.length <= SUMMARY_MAX_CHARS)
    return first
  const head = first.slice(0, SUMMARY_MAX_CHARS)
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '))
  if (sentenceEnd > SUMMARY_MAX_CHARS / 2)
    return head.slice(0, sentenceEnd + 1)
  return head.slice(0, head.lastIndexOf(' ')).trimEnd() + ELLIPSIS
}

function sameOrMissing(a: string, b: string): boolean {
  return a === '' || b === '' || fold(a) === fold(b)
}

class UnionFind {
  private readonly parent: number[]
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i)
  }

  find(i: number): number {
    let root = i
    while (this.parent[root] !== root)
      root = this.parent[root] ?? root
    this.parent[i] = root
    return root
  }

  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb)
      this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }

  groups(): number[][] {
    const byRoot = new Map<number, number[]>()
    this.parent.forEach((_, i) => {
      const root = this.find(i)
      byRoot.set(root, [...(byRoot.get(root) ?? []), i])
    })
    return [...byRoot.values()]
  }
}

/** Two cards with one made-up id are one practice only when they show the same teaser (one card on two pages). */
function sameCard(a: ParsedEntry, b: ParsedEntry): boolean {
  return a.kind !== 'listing' || b.kind !== 'listing' || a.language !== b.language || fold(a.summary) === fold(b.summary)
}

/**
 * Each entry's id: its URL's slug, else one made from place and title. Entries without a URL that get the
 * same made-up id but are plainly different practices are kept apart ("-2", "-3") and reported.
 */
function assignIds(entries: readonly ParsedEntry[], problems: Problem[]): string[] {
  const firstWith = new Map<string, ParsedEntry[]>()
  return entries.map((entry) => {
    const id = entryId(entry)
    if (entry.url && practiceSlugFromUrl(entry.url))
      return id
    const variants = firstWith.get(id) ?? []
    const same = variants.findIndex(v => sameCard(v, entry))
    if (same >= 0)
      return same === 0 ? id : `${id}-${same + 1}`
    variants.push(entry)
    firstWith.set(id, variants)
    if (variants.length === 1)
      return id
    const clash = `${id}-${variants.length}`
    problems.push({ file: entry.file, line: entry.line, message: `two different practices would share the id ${id}; this one gets ${clash}` })
    return clash
  })
}

function urlSlug(entry: ParsedEntry): string | undefined {
  return entry.url ? practiceSlugFromUrl(entry.url) : undefined
}

/** A detail page belongs to a card in the same language when the titles match or its text opens with the teaser. */
function detailMatchesCard(detail: ParsedEntry, card: ParsedEntry): boolean {
  const slugs = [urlSlug(detail), urlSlug(card)]
  if (slugs[0] && slugs[1] && slugs[0] !== slugs[1])
    return false
  if (!sameOrMissing(detail.country, card.country) || !sameOrMissing(detail.city, card.city))
    return false
  if (detail.title !== '' && fold(detail.title) === fold(card.title))
    return true
  const teaser = fold(card.summary)
  return teaser.length >= MIN_TEASER_MATCH && fold(bodyText(detail)).startsWith(teaser)
}

/** Everything a group of entries says, for matching groups across languages. */
interface GroupFacts {
  members: number[]
  /** Slugs of the group's URLs: two groups with different ones are different practices. */
  slugs: Set<string>
  languages: Set<string>
  country: string
  city: string
  start?: number
  end?: number
  text: string
  /** Words that survive translation: names, acronyms, numbers. */
  names: Set<string>
}

/** Capitalised words not opening a sentence, and numbers: "Bilbao", "DCAI", "2017". */
function untranslatedWords(text: string): Set<string> {
  const words = new Set<string>()
  for (const sentence of text.split(/(?<=[.!?:])\s+|\n+/u)) {
    const tokens = sentence.match(/[\p{L}\p{N}#][\p{L}\p{N}'’-]*/gu) ?? []
    tokens.forEach((token, i) => {
      if (/^\d{2,}$/u.test(token) || (i > 0 && /^[#\p{Lu}]/u.test(token) && token.length >= 3))
        words.add(fold(token))
    })
  }
  return words
}

function facts(members: number[], entries: readonly ParsedEntry[]): GroupFacts {
  const list = members.map(i => entries[i]).filter((e): e is ParsedEntry => e !== undefined)
  const located = list.find(e => e.country !== '') ?? list[0]
  const dated = list.find(e => e.period.start !== undefined)
  const text = list.map(e => [e.title, e.summary, ...e.paragraphs].join('\n')).join('\n')
  return {
    members,
    slugs: new Set(list.flatMap(e => (e.url ? [practiceSlugFromUrl(e.url) ?? ''] : [])).filter(x => x !== '')),
    languages: new Set(list.map(e => e.language)),
    country: located?.country ?? '',
    city: located?.city ?? '',
    start: dated?.period.start,
    end: dated?.period.end,
    text,
    names: untranslatedWords(text),
  }
}

function mentions(text: string, name: string): boolean {
  return ` ${fold(text)} `.includes(` ${fold(name)} `)
}

/** Could two groups in different languages be one practice? Place and period must agree, and be anchored. */
function translationCompatible(a: GroupFacts, b: GroupFacts): boolean {
  if ([...a.languages].some(l => b.languages.has(l)))
    return false
  if (a.slugs.size > 0 && b.slugs.size > 0 && ![...a.slugs].some(x => b.slugs.has(x)))
    return false
  if (a.country !== '' && b.country !== '' && a.country !== b.country)
    return false
  if (a.city !== '' && b.city !== '') {
    if (fold(a.city) !== fold(b.city))
      return false
  }
  else if (a.city !== '' || b.city !== '') {
    // Only one side knows the city (a detail page): the other side's text must name it.
    const [known, other] = a.city !== '' ? [a, b] : [b, a]
    if (!mentions(other.text, known.city))
      return false
  }
  else if (a.country === '' || b.country === '') {
    return false
  }
  if (a.start !== undefined && b.start !== undefined && (a.start !== b.start || a.end !== b.end))
    return false
  return true
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const w of a) {
    if (b.has(w))
      shared++
  }
  const union = a.size + b.size - shared
  return union === 0 ? 0 : shared / union
}

/**
 * Pairs groups across languages: each must be the other's unique best candidate by shared names, so two
 * practices in the same city and year are never folded together on a guess. Ambiguities are reported.
 */
function pairTranslations(groups: GroupFacts[], entries: readonly ParsedEntry[], uf: UnionFind, problems: Problem[]): void {
  const candidates = new Map<GroupFacts, { other: GroupFacts, score: number }[]>()
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]
      const b = groups[j]
      if (!a || !b || !translationCompatible(a, b))
        continue
      const score = overlap(a.names, b.names)
      if (score === 0)
        continue
      candidates.set(a, [...(candidates.get(a) ?? []), { other: b, score }])
      candidates.set(b, [...(candidates.get(b) ?? []), { other: a, score }])
    }
  }
  const best = new Map<GroupFacts, GroupFacts | undefined>()
  const uniqueBest = (g: GroupFacts): GroupFacts | undefined => {
    if (best.has(g))
      return best.get(g)
    const ranked = [...(candidates.get(g) ?? [])].sort((x, y) => y.score - x.score)
    const [first, second] = ranked
    let partner = first?.other
    if (first && second && second.score === first.score) {
      partner = undefined
      const entry = entries[g.members[0] ?? -1]
      if (entry)
        problems.push({ file: entry.file, line: entry.line, message: `${JSON.stringify(entryTitle(entry))} may be a translation of several practices; not merged` })
    }
    best.set(g, partner)
    return partner
  }
  for (const g of groups) {
    const partner = uniqueBest(g)
    if (partner && uniqueBest(partner) === g)
      uf.union(g.members[0] ?? 0, partner.members[0] ?? 0)
  }
}

interface LanguageText extends PracticeText {
  truncated: boolean
  provisional: boolean
  /** No practice page was read: the text is the listing's teaser. */
  teaserOnly: boolean
}

/** Cards give the place, period and teaser; a detail page gives the full text. */
function textFor(list: readonly ParsedEntry[]): LanguageText {
  const cards = list.filter(e => e.kind === 'listing')
  const details = list.filter(e => e.kind === 'detail' && e.paragraphs.length > 0)
  const detail = [...details].sort((a, b) => b.paragraphs.length - a.paragraphs.length)[0]
  const card = cards.find(e => e.summary !== '') ?? cards[0]
  const titled = list.find(e => e.kind === 'detail' && e.title !== '') ?? list.find(e => e.title !== '')
  const title = titled?.title ?? (list[0] ? entryTitle(list[0]) : 'Untitled practice')

  if (detail) {
    const sections = sectionsFromText(detail.paragraphs.join('\n\n'))
    const summary = card && !card.truncated ? card.summary : leadOf(sections)
    return { title, summary, body: formatBody(sections), truncated: detail.truncated, provisional: !titled, teaserOnly: false }
  }
  const teaser = card?.summary ?? ''
  const truncated = card?.truncated ?? false
  // The reader should see that the text stops short of the original; the summary keeps the plain teaser.
  const body = formatBody(sectionsFromText(teaser)) + (truncated && teaser !== '' ? ELLIPSIS : '')
  return { title, summary: teaser, body, truncated, provisional: !titled, teaserOnly: true }
}

/** Prefer the site's main language, then the language of the entry that knows where the practice is. */
function primaryLanguage(list: readonly ParsedEntry[]): string {
  if (list.some(e => e.language === MAIN_LANGUAGE))
    return MAIN_LANGUAGE
  return (list.find(e => e.kind === 'listing' && e.country !== '') ?? list.find(e => e.country !== '') ?? list[0])?.language ?? MAIN_LANGUAGE
}

/** Other languages' texts; one that repeats the record's own text is no translation (the site serves English under /fr/). */
function translationsOf(list: readonly ParsedEntry[], language: string, own: PracticeText): Record<string, PracticeText> {
  const translations: Record<string, PracticeText> = {}
  for (const lang of [...new Set(list.map(e => e.language))].filter(l => l !== language).sort()) {
    const t = textFor(list.filter(e => e.language === lang))
    if (fold(t.title) === fold(own.title) && fold(t.body) === fold(own.body))
      continue
    translations[lang] = { title: t.title, summary: t.summary, body: t.body }
  }
  return translations
}

/** The source link: the practice page in the record's language, else any page of it. */
function sourceUrlOf(list: readonly ParsedEntry[], language: string): string | undefined {
  const withUrl = list.filter(e => e.url)
  return (withUrl.find(e => e.kind === 'detail' && e.language === language) ?? withUrl.find(e => e.language === language) ?? withUrl[0])?.url
}

/** The entry whose id the record takes: one with a URL, else the one that names the place (a card before its page). */
function anchorOf(own: readonly ParsedEntry[], list: readonly ParsedEntry[]): ParsedEntry | undefined {
  return list.find(e => e.url && practiceSlugFromUrl(e.url))
    ?? own.find(e => e.kind === 'listing' && e.country !== '') ?? own.find(e => e.kind === 'listing') ?? own.find(e => e.country !== '') ?? own[0] ?? list[0]
}

function reviewFlags(text: LanguageText, country: string, city: string, period: Practice['period']): ReviewFlag[] {
  const flags = new Set<ReviewFlag>()
  if (text.provisional)
    flags.add('provisional_title')
  if (country === '')
    flags.add('missing_country')
  if (city === '')
    flags.add('missing_city')
  if (period.text === '')
    flags.add('missing_period')
  if (isUnparsedPeriod(period))
    flags.add('unparsed_period')
  if (text.truncated)
    flags.add('truncated')
  return ReviewFlagSchema.options.filter(f => flags.has(f))
}

function toPractice(list: readonly ParsedEntry[], idOf: (e: ParsedEntry) => string): Practice {
  const language = primaryLanguage(list)
  const own = list.filter(e => e.language === language)
  const anchor = anchorOf(own, list)
  const located = list.find(e => e.kind === 'listing' && e.country !== '') ?? list.find(e => e.country !== '') ?? list.find(e => e.city !== '')
  const dated = list.find(e => e.kind === 'listing' && e.period.text !== '') ?? list.find(e => e.period.text !== '')
  const text = textFor(own)
  const id = anchor ? idOf(anchor) : practiceId({ country: '', city: '', title: text.title })
  const period = dated?.period ?? { text: '', ongoing: false }
  const country = located?.country ?? ''
  const city = located?.city ?? ''

  const translations = translationsOf(list, language, text)
  const sourceUrl = sourceUrlOf(list, language)
  const review = reviewFlags(text, country, city, period)
  return {
    id,
    slug: id,
    title: text.title,
    country,
    city,
    period,
    topics: [],
    language,
    summary: text.summary,
    body: text.body,
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(text.teaserOnly ? { teaserOnly: true as const } : {}),
    updatedAt: DEFAULT_UPDATED_AT,
    ...(Object.keys(translations).length > 0 ? { translations } : {}),
    ...(review.length > 0 ? { review } : {}),
  }
}

/**
 * Entries from any number of pages → one record per practice, sorted by id. Entries are the same practice
 * when they share an id, when a detail page matches a card in its language (title, or text opening with the
 * teaser), or when groups in different languages agree on place and period and share names.
 */
export function mergeEntries(entries: readonly ParsedEntry[]): MergeResult {
  const problems: Problem[] = []
  const uf = new UnionFind(entries.length)
  const ids = assignIds(entries, problems)

  const byId = new Map<string, number>()
  entries.forEach((_, i) => {
    const id = ids[i] ?? ''
    const seen = byId.get(id)
    if (seen === undefined)
      byId.set(id, i)
    else
      uf.union(seen, i)
  })

  entries.forEach((detail, i) => {
    if (detail.kind !== 'detail')
      return
    entries.forEach((card, j) => {
      if (card.kind === 'listing' && card.language === detail.language && detailMatchesCard(detail, card))
        uf.union(i, j)
    })
  })

  pairTranslations(uf.groups().map(members => facts(members, entries)), entries, uf, problems)

  const idOf = (e: ParsedEntry): string => ids[entries.indexOf(e)] ?? entryId(e)
  const practices: Practice[] = []
  const invalid: MergeResult['invalid'] = []
  for (const members of uf.groups()) {
    const list = members.map(i => entries[i]).filter((e): e is ParsedEntry => e !== undefined)
    const practice = toPractice(list, idOf)
    const checked = checkPractice(practice)
    if (checked.ok) {
      practices.push(practice)
      continue
    }
    const first = list[0]
    invalid.push({ id: practice.id, file: first?.file ?? '?', line: first?.line ?? 0 })
    for (const issue of checked.issues)
      problems.push({ file: first?.file ?? '?', line: first?.line ?? 0, message: `record ${practice.id} is invalid and was not written: ${issue.path}: ${issue.message}` })
  }
  // Entries sharing an id were merged above, so ids are unique here.
  return { practices: practices.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), problems, invalid }
}
