/**
 * One practice from its pages: its card and its practice page in each language go through the importer
 * together, and whatever the importer made of them becomes one record with translations, since the site
 * itself says they are one practice (one card, one link, the language prefix changed).
 */
import type { Practice, PracticeText } from '../../src/catalogue/schema'
import { formatProblem, importPages, type SourceText } from '../import/pipeline'

interface PracticeSources {
  /** The practice's address as its card links it: the record's sourceUrl. */
  url: string
  card: SourceText
  /** Practice pages read, the listing's language first. */
  pages: SourceText[]
  topics: string[]
}

interface ImportedPractice {
  practice?: Practice
  warnings: string[]
  /** The site lists a practice that no record came out of (the importer says why among the warnings). */
  error?: string
}

function textOf(p: Practice | PracticeText): PracticeText {
  return { title: p.title, summary: p.summary, body: p.body }
}

function sameText(a: PracticeText, b: PracticeText): boolean {
  return a.title === b.title && a.body === b.body
}

/** The record in the listing's language, the others' texts as its translations. */
function combine(practices: readonly Practice[], language: string): Practice | undefined {
  const ranked = [...practices].sort((a, b) => Number(b.language === language) - Number(a.language === language) || b.body.length - a.body.length)
  const [primary, ...others] = ranked
  if (!primary)
    return undefined
  const translations: Record<string, PracticeText> = {}
  const offer = (lang: string, text: PracticeText): void => {
    // A page the site serves untranslated repeats the primary text: it is no translation.
    if (lang !== primary.language && !translations[lang] && !sameText(text, primary))
      translations[lang] = text
  }
  Object.entries(primary.translations ?? {}).forEach(([lang, t]) => offer(lang, t))
  for (const other of others) {
    offer(other.language, textOf(other))
    Object.entries(other.translations ?? {}).forEach(([lang, t]) => offer(lang, t))
  }
  const { translations: _ignored, ...rest } = primary
  return { ...rest, ...(Object.keys(translations).length > 0 ? { translations } : {}) }
}

export function importPractice(sources: PracticeSources, language: string): ImportedPractice {
  const result = importPages([sources.card, ...sources.pages])
  const warnings = result.problems.map(formatProblem)
  const practice = combine(result.practices, language)
  if (!practice)
    return { warnings, error: `${sources.url}: no record could be made from its card or pages (see the warnings for ${sources.card.file})` }
  const fullText = result.pages.some(p => p.kind === 'detail' && p.entries > 0)
  if (result.practices.length > 1)
    warnings.push(`${sources.url}: the importer read ${result.practices.length} practices from its pages; kept as one (${result.practices.map(p => p.id).join(', ')})`)
  return {
    practice: {
      ...practice,
      topics: sources.topics,
      sourceUrl: sources.url,
      ...(fullText ? {} : { teaserOnly: true as const }),
    },
    warnings,
  }
}
