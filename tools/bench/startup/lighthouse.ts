/**
 * Lighthouse 12 (default config: mobile, simulated throttling) against a URL, in Debian's Chromium launched
 * through playwright-core with a DevTools port Lighthouse can attach to.
 */
import lighthouse, { type Result } from 'lighthouse'
import { CHROMIUM_ARGS, launchChromium } from '../../chromium'
import { freePort, median } from './shared'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
type Category = typeof CATEGORIES[number]

const METRICS: readonly [id: string, label: string, unit: 'ms' | ''][] = [
  ['first-contentful-paint', 'FCP', 'ms'],
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
  ['speed-index', 'SI', 'ms'],
]

export interface LighthouseSummary {
  /** 0-100 per category, median of the runs kept. */
  scores: Record<Category, number>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

const NUMBERS: readonly [key: string, unit: string][] = [
  ['total', 'ms'], ['scripting', 'ms scripting'], ['duration', 'ms'], ['wastedMs', 'ms saved'], ['wastedBytes', 'B saved'],
  ['transferSize', 'B'], ['score', ''], ['timing', 'ms'], ['percent', ''],
]

/** A short line per item of an audit's details (the element or URL, and its figures), for the log. */
function describeItems(details: unknown, max = 6): string[] {
  if (!isRecord(details) || !Array.isArray(details.items))
    return []
  const lines: string[] = []
  for (const item of details.items.slice(0, max)) {
    if (!isRecord(item))
      continue
    // 'list' details (the LCP element audit) hold tables.
    if (item.type === 'table' || item.type === 'list') {
      lines.push(...describeItems(item, max))
      continue
    }
    const parts: string[] = []
    const node = isRecord(item.node) ? item.node : undefined
    if (node) {
      const selector = typeof node.selector === 'string' ? node.selector : ''
      const snippet = typeof node.snippet === 'string' ? node.snippet.slice(0, 160) : ''
      parts.push(`${selector} ${snippet}`.trim())
      if (typeof node.explanation === 'string')
        parts.push(node.explanation.split('\n').slice(0, 2).join(' '))
    }
    for (const key of ['url', 'source', 'reason', 'failureType', 'phase', 'groupLabel', 'label', 'description', 'issueType', 'directive', 'severity', 'value']) {
      const value = item[key]
      const text = isRecord(value) && typeof value.url === 'string' ? value.url : value
      if (typeof text === 'string' || (typeof text === 'number' && key === 'value'))
        parts.push(String(text).slice(0, 160))
    }
    for (const [key, unit] of NUMBERS) {
      const value = item[key]
      if (typeof value === 'number')
        parts.push(`${key} ${Number.isInteger(value) ? value : value.toFixed(3)}${unit && !unit.startsWith(' ') ? ` ${unit}` : unit}`)
    }
    if (parts.length)
      lines.push(parts.join(' | '))
  }
  if (details.items.length > max)
    lines.push(`… and ${details.items.length - max} more`)
  return lines
}

/** Audits of a category that did not pass, with their elements. */
function failingAudits(lhr: Result, category: Category): string[] {
  const lines: string[] = []
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id]
    if (!audit || audit.score === null || audit.score >= 1 || ['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode))
      continue
    lines.push(`${category}: ${audit.id} (score ${audit.score}, weight ${ref.weight}): ${audit.title}${audit.displayValue ? ` [${audit.displayValue}]` : ''}`)
    lines.push(...describeItems(audit.details).map(l => `    ${l}`))
  }
  return lines
}

function metricsLine(lhr: Result): string {
  return METRICS.map(([id, label, unit]) => {
    const value = lhr.audits[id]?.numericValue
    return `${label} ${value === undefined ? '?' : unit ? `${Math.round(value)} ms` : value.toFixed(3)}`
  }).join(', ')
}

/**
 * Runs Lighthouse `runs` times in one browser and keeps all but the first run (the cold one: empty disk
 * cache, no compiled code yet). Lighthouse resets the origin's storage and service worker before each run.
 */
export async function runLighthouse(url: string, runs: number, log: (message: string) => void): Promise<LighthouseSummary> {
  const port = await freePort()
  const browser = await launchChromium({ args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`] })
  const kept: Result[] = []
  const warned = new Set<string>()
  try {
    for (let i = 0; i < runs; i++) {
      let lhr: Result | undefined
      // One retry: a run can fail for reasons outside the app (NO_FCP when the tab lost its frame, a protocol timeout).
      for (let attempt = 1; !lhr; attempt++) {
        const result = await lighthouse(url, { port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] })
        const error = !result ? 'no result' : result.lhr.runtimeError ? `${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}` : undefined
        if (!error)
          lhr = result!.lhr
        else if (attempt >= 2)
          throw new Error(`Lighthouse run ${i + 1} failed twice: ${error}`)
        else
          log(`lighthouse run ${i + 1} failed (${error}); retrying once`)
      }
      // Said once: the IndexedDB notice comes back on every run (Lighthouse clears that storage before loading).
      for (const warning of lhr.runWarnings.filter(w => !warned.has(w))) {
        warned.add(warning)
        log(`lighthouse warning: ${warning}`)
      }
      const scores = CATEGORIES.map(c => `${c} ${Math.round((lhr.categories[c]?.score ?? 0) * 100)}`).join(', ')
      log(`lighthouse run ${i + 1}${i === 0 ? ' (cold, discarded)' : ''}: ${scores}; ${metricsLine(lhr)}`)
      if (i > 0)
        kept.push(lhr)
    }
  }
  finally {
    await browser.close()
  }
  if (kept.length === 0)
    throw new Error('Lighthouse needs at least 2 runs (the first is discarded)')

  // The details of the last kept run: which audits to fix, and where.
  const last = kept[kept.length - 1]!
  const failing = [...failingAudits(last, 'accessibility'), ...failingAudits(last, 'best-practices')]
  if (failing.length) {
    log('lighthouse audits under 1 (last run):')
    failing.forEach(l => log(`  ${l}`))
  }
  else {
    log('lighthouse: every accessibility and best-practices audit passes')
  }
  // Where the performance score goes: the audits Lighthouse flags, with their elements and scripts.
  const hints = Object.values(last.audits)
    .filter(a => a.score !== null && a.score < 0.9 && ['metricSavings', 'numeric', 'binary'].includes(a.scoreDisplayMode) && !CATEGORIES.slice(1).some(c => last.categories[c]?.auditRefs.some(r => r.id === a.id)))
  if (hints.length) {
    log('lighthouse performance diagnostics (last run):')
    for (const a of hints) {
      log(`  ${a.id}: ${a.title}${a.displayValue ? ` [${a.displayValue}]` : ''}`)
      describeItems(a.details, 5).forEach(l => log(`      ${l}`))
    }
  }

  const scoreOf = (c: Category) => median(kept.map(r => Math.round((r.categories[c]?.score ?? 0) * 100)))
  return { scores: { 'performance': scoreOf('performance'), 'accessibility': scoreOf('accessibility'), 'best-practices': scoreOf('best-practices') } }
}
