/**
 * The crawl's memory on disk: each page's last body with its validators (ETag, Last-Modified), so a rerun
 * asks "changed since?" and downloads only what changed; and the state of an unfinished crawl, so a rerun
 * after an interruption takes the pages it already has from the cache without asking again.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface CachedPage {
  url: string
  body: string
  etag?: string
  lastModified?: string
}

export interface PageCache {
  get: (url: string) => CachedPage | undefined
  put: (page: CachedPage) => void
}

/** Which pages this crawl has already read; kept until the crawl finishes. */
export interface CrawlState {
  isDone: (url: string) => boolean
  markDone: (url: string) => void
  /** The crawl finished: the next one starts afresh. */
  finish: () => void
}

function writeAtomically(path: string, text: string): void {
  // A crash mid-write must leave the old file, not half of a new one.
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, text)
  renameSync(tmp, path)
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  }
  catch {
    return undefined
  }
}

export function diskCache(dir: string): PageCache {
  const pages = join(dir, 'pages')
  mkdirSync(pages, { recursive: true })
  const file = (url: string) => join(pages, `${createHash('sha256').update(url).digest('hex').slice(0, 40)}.json`)
  return {
    get: (url) => {
      const page = readJson(file(url)) as CachedPage | undefined
      return page && page.url === url && typeof page.body === 'string' ? page : undefined
    },
    put: page => writeAtomically(file(page.url), JSON.stringify(page)),
  }
}

/**
 * The state of the crawl started with `key` (its base, languages and page size); a state left by a crawl
 * with other settings is discarded.
 */
export function diskState(dir: string, key: string): CrawlState {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'state.json')
  const saved = readJson(path) as { key?: unknown, done?: unknown } | undefined
  const done = new Set<string>(saved?.key === key && Array.isArray(saved.done) ? saved.done.filter((u): u is string => typeof u === 'string') : [])
  return {
    isDone: url => done.has(url),
    markDone: (url) => {
      done.add(url)
      writeAtomically(path, JSON.stringify({ key, done: [...done] }))
    },
    finish: () => {
      done.clear()
      rmSync(path, { force: true })
    },
  }
}

/** In memory, for tests and --no-cache runs. */
export function memoryCache(): PageCache {
  const pages = new Map<string, CachedPage>()
  return { get: url => pages.get(url), put: page => pages.set(page.url, page) }
}

export function memoryState(): CrawlState {
  const done = new Set<string>()
  return { isDone: url => done.has(url), markDone: url => done.add(url), finish: () => done.clear() }
}
