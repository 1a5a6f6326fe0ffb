/**
 * The crawl, in order: robots.txt → the listing in the first language (every card) → the listing filtered
 * by each topic of the site's Topic filter (which practices it files there) → each practice's page in
 * every language → one record per practice through the importer. Pure of the outside world: fetch,
 * clock, cache and state come in through the options; nothing here writes the catalogue.
 */
import type { Practice, Taxonomy } from '../../src/catalogue/schema'
import type { SourceText } from '../import/pipeline'
import { readSourceUrl } from '../import/url'
import { createFetcher, type Fetcher, type FetcherOptions, type FetchStats } from './fetcher'
import { pageText, parseHtml } from './html'
import { importPractice } from './practice'
import { ALLOW_ALL, parseRobots } from './robots'
import { findTopicFilter, orderTopics, topicNames } from './topics'
import { walkListing, type CardEntry } from './walk'

const LISTING_PATH = '/web/interculturalcities/good-practice'

/** How to fetch (rate, cache, retries: the fetcher's own options) and what to crawl. */
interface CrawlOptions extends FetcherOptions {
  /** The site's origin, e.g. https://www.coe.int. */
  base: string
  /** Site languages to fetch each practice in; the first is the listing's. */
  languages: string[]
  /** Listing page size (the `delta` parameter). */
  pageSize: number
  taxonomy: Taxonomy
  onProgress?: (progress: CrawlProgress) => void
}

export interface CrawlProgress {
  phase: 'robots' | 'listing' | 'topics' | 'practices'
  done: number
  total?: number
  stats: FetchStats
  warnings: number
}

interface CrawlOutcome {
  practices: Practice[]
  warnings: string[]
  /** Every practice address the listing shows, records or not. */
  listed: string[]
  /** Practices the site lists that gave no valid record. */
  errors: string[]
  stats: FetchStats
  /** Every listing entry and topic listing was read: a practice not found is really gone from the site. */
  complete: boolean
  /** The crawl could not start (robots.txt or the listing unreadable). */
  error?: string
}

interface Context {
  options: CrawlOptions
  fetcher: Fetcher
  warnings: string[]
  progress: (phase: CrawlProgress['phase'], done: number, total?: number) => void
}

/** The same page in another language: the site serves each under its language prefix, `/xx/web/…`. */
export function withLanguage(url: string, language: string): string {
  const u = new URL(url)
  const segments = u.pathname.split('/')
  if (/^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$/u.test(segments[1] ?? '') && segments[2] === 'web')
    segments[1] = language
  else
    segments.splice(1, 0, language)
  u.pathname = segments.join('/')
  return u.href
}

function withPage(href: string, delta: number, start: number): string {
  const u = new URL(href)
  u.searchParams.set('delta', String(delta))
  u.searchParams.set('start', String(start))
  return u.href
}

async function readRobots(ctx: Context): Promise<string | undefined> {
  const url = new URL('/robots.txt', ctx.options.base).href
  const outcome = await ctx.fetcher.get(url)
  ctx.progress('robots', 1, 1)
  if ('body' in outcome) {
    ctx.fetcher.setRobots(parseRobots(outcome.body, ctx.options.userAgent))
    return undefined
  }
  if (outcome.kind === 'failed' && outcome.status !== undefined && outcome.status >= 400 && outcome.status < 500) {
    ctx.fetcher.setRobots(ALLOW_ALL)
    return undefined
  }
  // RFC 9309: a robots.txt that cannot be reached means we may not crawl at all.
  return `robots.txt could not be read (${outcome.kind === 'failed' ? outcome.reason : outcome.kind}); nothing crawled`
}

/** Which practices the site files under each topic, by practice address. */
async function siteTopics(ctx: Context, lists: Parameters<typeof findTopicFilter>[0]): Promise<{ byUrl: Map<string, Set<string>>, complete: boolean }> {
  const byUrl = new Map<string, Set<string>>()
  const filter = findTopicFilter(lists, topicNames(ctx.options.taxonomy))
  if (!filter) {
    ctx.warnings.push('the listing shows no Topic filter; practices get no site topics')
    return { byUrl, complete: false }
  }
  let complete = true
  for (const [i, link] of filter.entries()) {
    if (!link.id) {
      ctx.warnings.push(`site topic "${link.name}" has no topic of that name in taxonomy.json; its practices do not get it`)
      continue
    }
    const walk = await walkListing({ fetcher: ctx.fetcher, pageUrl: start => withPage(link.href, ctx.options.pageSize, start), delta: ctx.options.pageSize, withSources: false })
    ctx.warnings.push(...walk.warnings)
    complete &&= walk.complete
    for (const card of walk.cards)
      byUrl.set(card.url, (byUrl.get(card.url) ?? new Set()).add(link.id))
    ctx.progress('topics', i + 1, filter.length)
  }
  return { byUrl, complete }
}

async function practicePages(ctx: Context, card: CardEntry): Promise<SourceText[]> {
  const pages: SourceText[] = []
  for (const language of ctx.options.languages) {
    const url = language === ctx.options.languages[0] ? card.url : withLanguage(card.url, language)
    const outcome = await ctx.fetcher.get(url)
    if ('body' in outcome)
      pages.push({ file: url, text: pageText(parseHtml(outcome.body)), url })
    else if (outcome.kind === 'failed')
      ctx.warnings.push(`${url}: ${outcome.reason}`)
    else if (outcome.kind === 'disallowed')
      ctx.warnings.push(`${url}: disallowed by robots.txt; not fetched`)
  }
  return pages
}

export async function crawlSite(options: CrawlOptions): Promise<CrawlOutcome> {
  const fetcher = createFetcher(options)
  const warnings: string[] = []
  const ctx: Context = {
    options,
    fetcher,
    warnings,
    progress: (phase, done, total) => options.onProgress?.({ phase, done, ...(total === undefined ? {} : { total }), stats: fetcher.stats, warnings: warnings.length }),
  }
  const fail = (error: string): CrawlOutcome => ({ practices: [], listed: [], warnings, errors: [], stats: fetcher.stats, complete: false, error })
  const robotsError = await readRobots(ctx)
  if (robotsError)
    return fail(robotsError)

  const language = options.languages[0] ?? 'en'
  const listingUrl = (start: number) => withPage(new URL(`/${language}${LISTING_PATH}`, options.base).href, options.pageSize, start)
  const listing = await walkListing({ fetcher, pageUrl: listingUrl, delta: options.pageSize, withSources: true, onPage: (done, total) => ctx.progress('listing', done, total) })
  warnings.push(...listing.warnings)
  if (listing.cards.length === 0 && !listing.complete)
    return fail(`the listing ${listingUrl(1)} could not be read; nothing crawled`)

  for (const card of listing.cards) {
    // The importer takes the id and language from the address: one it does not read as a practice loses both.
    if (readSourceUrl(card.url)?.kind !== 'practice')
      warnings.push(`${card.url}: a card links here, but it is not a practice address the importer knows`)
  }
  const topics = await siteTopics(ctx, listing.linkLists)
  const practices: Practice[] = []
  const errors: string[] = []
  for (const [i, card] of listing.cards.entries()) {
    const pages = await practicePages(ctx, card)
    const imported = importPractice({ url: card.url, card: card.source, pages, topics: orderTopics(topics.byUrl.get(card.url) ?? [], options.taxonomy) }, language)
    warnings.push(...imported.warnings)
    if (imported.practice)
      practices.push(imported.practice)
    if (imported.error)
      errors.push(imported.error)
    ctx.progress('practices', i + 1, listing.cards.length)
  }
  const limited = fetcher.stats.limited > 0
  if (limited)
    warnings.push(`stopped at --max-pages ${options.maxPages}; removed practices are not reported`)
  return { practices, listed: listing.cards.map(c => c.url), warnings, errors, stats: fetcher.stats, complete: listing.complete && topics.complete && !limited }
}
