/**
 * Polite fetching: one request at a time, no faster than the rate (or the site's Crawl-delay), robots.txt
 * obeyed, conditional requests against the cache, retries with backoff on 429/5xx and network errors
 * honouring Retry-After. Pure of the outside world: fetch, clock and cache are passed in.
 */
import type { CachedPage, CrawlState, PageCache } from './cache'
import { ALLOW_ALL, type RobotsRules } from './robots'

export interface Clock {
  now: () => number
  sleep: (ms: number) => Promise<void>
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
}

export interface RetryPolicy {
  /** Tries per page, the first included. */
  attempts: number
  baseDelayMs: number
  /** A Retry-After longer than this gives the page up rather than wait. */
  maxDelayMs: number
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 2000, maxDelayMs: 10 * 60_000 }

export type PageOutcome
  = | { kind: 'fetched' | 'not-modified' | 'resumed', url: string, body: string }
    | { kind: 'disallowed' | 'limit', url: string }
    | { kind: 'failed', url: string, reason: string, status?: number }

export interface FetchStats {
  requests: number
  fetched: number
  notModified: number
  resumed: number
  disallowed: number
  failed: number
  retries: number
  /** Pages not requested because --max-pages was reached. */
  limited: number
}

export interface FetcherOptions {
  fetch: typeof fetch
  clock: Clock
  cache: PageCache
  state: CrawlState
  userAgent: string
  /** Requests per second. */
  rate: number
  retry?: Partial<RetryPolicy>
  /** Pages (not retries) this crawl may request; undefined for no limit. */
  maxPages?: number
}

export interface Fetcher {
  get: (url: string) => Promise<PageOutcome>
  setRobots: (rules: RobotsRules) => void
  stats: FetchStats
}

/** Retry-After in ms from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '')
    return undefined
  const seconds = Number(value.trim())
  if (Number.isFinite(seconds))
    return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function conditionalHeaders(cached: CachedPage | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  if (cached?.etag)
    headers['if-none-match'] = cached.etag
  if (cached?.lastModified)
    headers['if-modified-since'] = cached.lastModified
  return headers
}

type Attempt
  = | { done: PageOutcome }
    | { retryInMs: number, reason: string, status?: number }

/** What one fetcher remembers between requests. */
interface FetcherState {
  options: FetcherOptions
  retry: RetryPolicy
  stats: FetchStats
  robots: RobotsRules
  lastRequestAt: number
  nextRequestAt: number
  /** Pages requested so far, for --max-pages. */
  pages: number
}

function intervalMs(s: FetcherState): number {
  return Math.max(1000 / s.options.rate, (s.robots.crawlDelay ?? 0) * 1000)
}

/** Waits for the rate limit; every request, retries and robots.txt included, goes through here. */
async function request(s: FetcherState, url: string, headers: Record<string, string>): Promise<Response> {
  const { clock } = s.options
  const wait = s.nextRequestAt - clock.now()
  if (wait > 0)
    await clock.sleep(wait)
  s.lastRequestAt = clock.now()
  s.nextRequestAt = s.lastRequestAt + intervalMs(s)
  s.stats.requests++
  return s.options.fetch(url, { headers: { 'user-agent': s.options.userAgent, 'accept': 'text/html,text/plain;q=0.9,*/*;q=0.5', ...headers }, redirect: 'follow' })
}

async function attempt(s: FetcherState, url: string, cached: CachedPage | undefined, tries: number): Promise<Attempt> {
  const backoff = s.retry.baseDelayMs * 2 ** (tries - 1)
  let response: Response
  try {
    response = await request(s, url, conditionalHeaders(cached))
  }
  catch (error) {
    return { retryInMs: backoff, reason: `network error: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (response.status === 304 && cached) {
    await response.body?.cancel()
    return { done: { kind: 'not-modified', url, body: cached.body } }
  }
  if (response.ok) {
    const body = await response.text()
    const etag = response.headers.get('etag') ?? undefined
    const lastModified = response.headers.get('last-modified') ?? undefined
    s.options.cache.put({ url, body, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) })
    return { done: { kind: 'fetched', url, body } }
  }
  await response.body?.cancel()
  const status = response.status
  if (status === 429 || status >= 500)
    return { retryInMs: retryAfterMs(response.headers.get('retry-after'), s.options.clock.now()) ?? backoff, reason: `HTTP ${status}`, status }
  return { done: { kind: 'failed', url, reason: `HTTP ${status}`, status } }
}

async function fetchPage(s: FetcherState, url: string): Promise<PageOutcome> {
  const cached = s.options.cache.get(url)
  for (let tries = 1; ; tries++) {
    const result = await attempt(s, url, cached, tries)
    if ('done' in result)
      return result.done
    if (tries >= s.retry.attempts || result.retryInMs > s.retry.maxDelayMs)
      return { kind: 'failed', url, reason: `${result.reason}, gave up after ${tries} tr${tries === 1 ? 'y' : 'ies'}`, ...(result.status ? { status: result.status } : {}) }
    s.stats.retries++
    // The site asked us to wait: the next request of any kind waits too.
    s.nextRequestAt = Math.max(s.nextRequestAt, s.options.clock.now() + result.retryInMs)
  }
}

async function getPage(s: FetcherState, url: string): Promise<PageOutcome> {
  if (!s.robots.allows(url)) {
    s.stats.disallowed++
    return { kind: 'disallowed', url }
  }
  const cached = s.options.cache.get(url)
  if (cached && s.options.state.isDone(url)) {
    s.stats.resumed++
    return { kind: 'resumed', url, body: cached.body }
  }
  if (s.options.maxPages !== undefined && s.pages >= s.options.maxPages) {
    s.stats.limited++
    return { kind: 'limit', url }
  }
  s.pages++
  const outcome = await fetchPage(s, url)
  if (outcome.kind === 'fetched' || outcome.kind === 'not-modified') {
    s.stats[outcome.kind === 'fetched' ? 'fetched' : 'notModified']++
    s.options.state.markDone(url)
  }
  else if (outcome.kind === 'failed') {
    s.stats.failed++
  }
  return outcome
}

export function createFetcher(options: FetcherOptions): Fetcher {
  const s: FetcherState = {
    options,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    stats: { requests: 0, fetched: 0, notModified: 0, resumed: 0, disallowed: 0, failed: 0, retries: 0, limited: 0 },
    robots: ALLOW_ALL,
    lastRequestAt: -Infinity,
    nextRequestAt: -Infinity,
    pages: 0,
  }
  return {
    get: url => getPage(s, url),
    stats: s.stats,
    setRobots: (rules) => {
      s.robots = rules
      // A Crawl-delay applies from the request that fetched robots.txt on.
      s.nextRequestAt = Math.max(s.nextRequestAt, s.lastRequestAt + intervalMs(s))
    },
  }
}
