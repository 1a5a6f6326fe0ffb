/**
 * One crawl run against a catalogue folder: crawl the site, reconcile with the practice files, write what
 * changed, report. The CLI (tools/crawl.ts) and the tests both call `runCrawl`, the tests with their own
 * fetch and clock.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { check, TaxonomySchema, type Taxonomy } from '../../src/catalogue/schema'
import { diskCache, diskState } from './cache'
import { loadPractices, planCatalogue, writePlan } from './catalogue'
import { crawlSite, type CrawlProgress } from './crawl'
import type { Clock, RetryPolicy } from './fetcher'
import type { CrawlReport } from './report'

export interface RunOptions {
  base: string
  languages: string[]
  /** Catalogue folder: practices/ is written, taxonomy.json read. */
  out: string
  cacheDir: string
  /** Default `<out>/taxonomy.json`. */
  taxonomyPath?: string
  rate: number
  pageSize: number
  maxPages?: number
  userAgent: string
  fetch: typeof fetch
  clock: Clock
  retry?: Partial<RetryPolicy>
  onProgress?: (progress: CrawlProgress) => void
}

interface RunResult {
  report: CrawlReport
  /** 0 done (warnings or not); 1 the site could not be crawled or a record failed the schema. */
  exitCode: number
}

function readTaxonomy(path: string): Taxonomy | string {
  try {
    const checked = check(TaxonomySchema, JSON.parse(readFileSync(path, 'utf8')))
    return checked.ok ? checked.value : `${path}: ${checked.path}: ${checked.message}`
  }
  catch (e) {
    return `${path}: ${(e as Error).message}`
  }
}

function emptyReport(errors: string[]): CrawlReport {
  return {
    complete: false,
    pages: { requests: 0, fetched: 0, notModified: 0, resumed: 0, disallowed: 0, failed: 0, retries: 0, limited: 0 },
    practices: { found: 0, new: 0, changed: 0, unchanged: 0, removed: 0 },
    new: [],
    changed: [],
    removed: [],
    differences: [],
    warnings: [],
    errors,
  }
}

export async function runCrawl(options: RunOptions): Promise<RunResult> {
  const taxonomy = readTaxonomy(options.taxonomyPath ?? join(options.out, 'taxonomy.json'))
  if (typeof taxonomy === 'string')
    return { report: emptyReport([`taxonomy: ${taxonomy}`]), exitCode: 1 }
  const stamp = new Date(options.clock.now()).toISOString()
  // A state left by a crawl with other settings is no help to this one.
  const state = diskState(options.cacheDir, JSON.stringify([options.base, options.languages, options.pageSize]))
  const outcome = await crawlSite({ ...options, taxonomy, cache: diskCache(options.cacheDir), state })
  if (outcome.error)
    return { report: { ...emptyReport([outcome.error]), pages: outcome.stats, warnings: outcome.warnings }, exitCode: 1 }

  const practicesDir = join(options.out, 'practices')
  const existing = loadPractices(practicesDir)
  const plan = planCatalogue(outcome.practices, existing.files, { base: options.base, complete: outcome.complete, listed: outcome.listed, stamp, reserved: existing.unreadable.map(u => u.id) })
  writePlan(practicesDir, plan)
  // An incomplete crawl keeps its state: the next run takes up where this one stopped.
  if (outcome.complete)
    state.finish()
  const report: CrawlReport = {
    complete: outcome.complete,
    pages: outcome.stats,
    practices: { found: outcome.practices.length, new: 0, changed: 0, unchanged: plan.unchanged.length, removed: plan.removed.length },
    new: plan.writes.filter(w => w.status === 'new').map(w => w.id),
    changed: plan.writes.filter(w => w.status === 'changed').map(w => w.id),
    removed: plan.removed,
    differences: plan.differences,
    warnings: [...outcome.warnings, ...existing.unreadable.map(u => u.message)],
    errors: [...outcome.errors, ...plan.errors],
  }
  report.practices.new = report.new.length
  report.practices.changed = report.changed.length
  return { report, exitCode: report.errors.length > 0 ? 1 : 0 }
}
