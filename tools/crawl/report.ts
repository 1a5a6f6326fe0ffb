/** The crawl's final report, as data (`--json`) and as text for a person, and its progress line. */
import type { Difference } from '../import/review'
import type { CrawlProgress } from './crawl'
import type { FetchStats } from './fetcher'

export interface CrawlReport {
  /** Every listing entry and topic listing was read. */
  complete: boolean
  pages: FetchStats
  practices: { found: number, new: number, changed: number, unchanged: number, removed: number }
  new: string[]
  changed: string[]
  /** Files whose practice the site no longer lists: left in place for a person to delete. */
  removed: string[]
  /** Where a reviewed file and the site disagree. */
  differences: (Difference & { id: string })[]
  warnings: string[]
  /** What makes the run fail: an unreadable site, records that fail the schema. */
  errors: string[]
}

function list(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`${title}:`, ...items.map(i => `  ${i}`)]
}

export function formatReport(r: CrawlReport): string {
  const p = r.pages
  const lines = [
    `crawl: ${p.requests} request(s): ${p.fetched} page(s) downloaded, ${p.notModified} not modified (304), ${p.resumed} from the cache of an interrupted run; ${p.disallowed} disallowed by robots.txt, ${p.failed} failed, ${p.retries} retried${p.limited ? `, ${p.limited} over --max-pages` : ''}`,
    `crawl: ${r.practices.found} practice(s) found: ${r.practices.new} new, ${r.practices.changed} changed, ${r.practices.unchanged} unchanged, ${r.practices.removed} removed from the site${r.complete ? '' : ' (crawl incomplete: removals not checked)'}`,
    ...list('new', r.new),
    ...list('changed', r.changed),
    ...list('removed from the site (files left in place)', r.removed),
    ...list('reviewed fields that differ from the site (field: file value | site value → kept)', r.differences.map(d => `${d.id} ${d.field}: ${d.file} | ${d.site} → ${d.kept}`)),
    ...list('warnings', r.warnings),
    ...list('errors', r.errors),
  ]
  return `${lines.join('\n')}\n`
}

export function formatProgress(p: CrawlProgress): string {
  const s = p.stats
  const step = `${p.phase} ${p.done}${p.total === undefined ? '' : `/${p.total}`}`
  return `crawl: ${step} · ${s.requests} requests (${s.fetched} downloaded, ${s.notModified} 304, ${s.resumed} resumed, ${s.disallowed} disallowed, ${s.failed} failed) · ${p.warnings} warning(s)`
}
