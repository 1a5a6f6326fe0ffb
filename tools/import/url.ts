/**
 * What a page's address on the source site says about it: which practice (its slug, the id it keeps across
 * runs), which language the page is served in, and whether it is a practice page or the listing. Shared by
 * the importer (a dump's `URL:` line, a card's link) and the crawler (every URL it fetches).
 */
import { slugify } from '../../src/catalogue/slug'

export interface SourceUrlInfo {
  /** The page's address without fragment; a practice page's also without its query, which only carries navigation state. */
  url: string
  slug?: string
  /** BCP 47 tag of the page's language (the prefix, or languageId of a language switch). */
  language?: string
  kind: 'practice' | 'listing' | 'other'
}

/** The schema's limit for ids and slugs. */
const MAX_URL_SLUG_LENGTH = 160

/** Liferay's legacy ISO 639 codes, which it still prints in some locales. */
const LEGACY_CODES: Record<string, string> = { iw: 'he', in: 'id', ji: 'yi' }

/** "fi_FI" → "fi", "sr_RS" → "sr" (the text decides the script), "pt" → "pt"; undefined for anything else. */
export function siteLanguageTag(code: string): string | undefined {
  const primary = code.split(/[_-]/u)[0]?.toLowerCase() ?? ''
  if (!/^[a-z]{2,3}$/u.test(primary))
    return undefined
  return LEGACY_CODES[primary] ?? primary
}

function parseUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url.trim())
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined
  }
  catch {
    return undefined
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  }
  catch {
    return segment
  }
}

/** The segment after a site path prefix such as `/en/web/…` or `/uk/c/portal/…`, when it is a language. */
function prefixLanguage(segments: readonly string[]): string | undefined {
  const [first, second] = segments
  if (first === undefined || (second !== 'web' && second !== 'c'))
    return undefined
  return siteLanguageTag(first)
}

/** The practice slug in `/-/<slug>` or `/-/asset_publisher/<id>/content/<slug>`. */
function slugFromSegments(segments: readonly string[]): string | undefined {
  const dash = segments.indexOf('-')
  if (dash === -1)
    return undefined
  const rest = segments.slice(dash + 1)
  const raw = rest[0] === 'asset_publisher' ? rest[rest.indexOf('content') + 1] : rest[0]
  if (raw === undefined || (rest[0] === 'asset_publisher' && !rest.includes('content')))
    return undefined
  return slugify(decodeSegment(raw), MAX_URL_SLUG_LENGTH) || undefined
}

function isListingPath(segments: readonly string[]): boolean {
  return segments.at(-1) === 'good-practice' && !segments.includes('-')
}

function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter(s => s !== '')
}

/** `/c/portal/update_language?languageId=fi_FI&redirect=<path>`: the page is the redirect, in languageId's language. */
function readLanguageSwitch(url: URL): SourceUrlInfo | undefined {
  const redirect = url.searchParams.get('redirect')
  const target = redirect ? parseUrl(new URL(redirect, url.origin).href) : undefined
  if (!target)
    return { url: stripFragment(url), kind: 'other', language: siteLanguageTag(url.searchParams.get('languageId') ?? '') }
  const inner = readParsed(target)
  const language = siteLanguageTag(url.searchParams.get('languageId') ?? '') ?? inner.language
  return { ...inner, ...(language ? { language } : {}) }
}

function stripFragment(url: URL): string {
  const copy = new URL(url.href)
  copy.hash = ''
  return copy.href
}

function readParsed(url: URL): SourceUrlInfo {
  const segments = pathSegments(url)
  if (segments.at(-1) === 'update_language' && segments.includes('portal'))
    return readLanguageSwitch(url) ?? { url: stripFragment(url), kind: 'other' }
  const language = prefixLanguage(segments)
  const base = language ? { language } : {}
  const slug = slugFromSegments(segments)
  if (slug) {
    const canonical = new URL(url.href)
    canonical.search = ''
    canonical.hash = ''
    return { url: canonical.href, slug, kind: 'practice', ...base }
  }
  return { url: stripFragment(url), kind: isListingPath(segments) ? 'listing' : 'other', ...base }
}

/** Reads a page address of the source site; undefined for a non-http(s) or unparsable one. */
export function readSourceUrl(url: string): SourceUrlInfo | undefined {
  const parsed = parseUrl(url)
  return parsed ? readParsed(parsed) : undefined
}

/** The practice's slug when `url` is a practice page (directly or through a language switch). */
export function practiceSlugFromUrl(url: string): string | undefined {
  const info = readSourceUrl(url)
  return info?.kind === 'practice' ? info.slug : undefined
}
