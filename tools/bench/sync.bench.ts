/**
 * Sync benchmarks, in headless Chromium against a static server:
 *   sync.cold_10k_ms                 syncCatalogue into an empty database (median)
 *   sync.floor_10k_ms                the physical floor: the same bytes (practice rows, texts, search segments)
 *                                    fetched, parsed and written with one put per record, in one transaction,
 *                                    into stores with primary keys only (median)
 *   sync.floor_app_indexes_10k_ms    the same with the indexes the app's current version declares
 *   sync.floor_v2_indexes_10k_ms     the same with version 2's indexes (seven on practices), for comparison
 *   sync.floor_one_store_10k_ms      the floor with each text in its list row (one store instead of two)
 *   sync.bulkput_app_10k_ms          the same bytes written as the sync writes them: Dexie bulkPut, the app's schema
 *   sync.cold_over_floor             cold / floor (budget ≤ 1.3)
 *   sync.first_usable_10k_ms         the built app (dist/) with a synthetic feed: from the first byte of a cold
 *                                    first visit until the list counts every practice, so it can be searched
 *                                    and filtered over all of them (median of fresh visits)
 *   sync.one_changed_bytes           bytes a re-sync downloads after one practice changed (manifest + shard + segment)
 *   sync.one_changed_ms
 * Medians of 5 runs (the host is shared and its load swings); --quick: 2,000 practices, one run of each.
 */
import { rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import type { Practice, Taxonomy } from '../../src/catalogue/schema'
import { CURRENT_STORES, STORES_V2 } from '../../src/db/history'
import { buildSegment } from '../../src/search/segmentBuilder'
import { buildFeed } from '../build-feed'
import { synthPractices } from '../synth'
import { launchChromium } from '../chromium'
import { serveStatic } from '../serve'
import type { FloorSchema } from './pages/sync'
import { distDir, ensureBuilt } from './startup/shared'
import { catalogueTaxonomy, copyAppWithoutFeed, writeFeed } from './synthetic-site'
import type { BenchGroup, BenchContext } from './types'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../..')
const outDir = join(repo, '.cache/bench-sync')
const appDir = join(repo, '.cache/bench-sync-app')
const SEED = 42

const FLOORS: Record<string, FloorSchema> = {
  floor: { practices: 'id', texts: 'id', searchSegments: 'sha256' },
  floor_app_indexes: { practices: CURRENT_STORES.practices, texts: CURRENT_STORES.texts, searchSegments: CURRENT_STORES.searchSegments },
  floor_v2_indexes: { practices: STORES_V2.practices, texts: STORES_V2.texts, searchSegments: STORES_V2.searchSegments },
  floor_one_store: { practices: 'id', texts: 'id', searchSegments: 'sha256', layout: 'one-store' },
}

function taxonomyOf(practices: readonly Practice[]): Taxonomy {
  const ids = [...new Set(practices.flatMap(p => p.topics))].sort()
  return { topics: ids.map(id => ({ id, names: { en: id } })) }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function buildBenchPage(): Promise<void> {
  const { build } = await import('vite')
  rmSync(outDir, { recursive: true, force: true })
  await build({
    root: join(here, 'pages'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: true, rollupOptions: { input: { sync: join(here, 'pages/sync.html') } } },
  })
}

/** Cold syncs and every floor, interleaved after one warm-up of each, so all see the same caches and disk. */
async function coldAndFloors(page: Page, runs: number, log: (m: string) => void): Promise<Record<string, number>> {
  const times: Record<string, number[]> = { cold: [], bulkput_app: [], ...Object.fromEntries(Object.keys(FLOORS).map(k => [k, []])) }
  for (let i = 0; i <= runs; i++) {
    const line: string[] = []
    for (const [key, schema] of Object.entries(FLOORS)) {
      const f = await page.evaluate(({ k, s }) => window.syncBench.floor(`bench-${k}`, s), { k: key, s: schema })
      if (i > 0)
        times[key]!.push(f.ms)
      line.push(`${key} ${f.ms.toFixed(0)} ms (writes ${f.writeMs.toFixed(0)})`)
    }
    const b = await page.evaluate(() => window.syncBench.bulkPutApp('bench-bulkput'))
    if (i > 0)
      times.bulkput_app!.push(b.ms)
    line.push(`bulkput_app ${b.ms.toFixed(0)} ms (writes ${b.writeMs.toFixed(0)})`)
    const c = await page.evaluate(() => window.syncBench.cold('bench-cold'))
    if (c.status !== 'updated')
      throw new Error(`cold sync did not update: ${c.status} ${c.detail}`)
    if (i > 0)
      times.cold!.push(c.ms)
    log(`${i === 0 ? 'warm-up' : `run ${i}`}: cold ${c.ms.toFixed(0)} ms (downloads ${c.downloadMs.toFixed(0)}, commit ${c.commitMs.toFixed(0)}; ${(c.bytes / 1e6).toFixed(1)} MB), ${line.join(', ')}`)
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
}

/** A re-sync after one practice changed: what it downloads and how long it takes. */
async function oneChanged(page: Page, practices: Practice[], taxonomy: Taxonomy): Promise<{ bytes: number, ms: number }> {
  const target = practices[Math.floor(practices.length / 3)]!
  const edited = practices.map(p => (p.id === target.id ? { ...p, summary: `${p.summary} (edited)`, updatedAt: '2030-01-01T00:00:00.000Z' } : p))
  writeFeed(buildFeed(edited, taxonomy, { buildSegment }), outDir)
  const re = await page.evaluate(() => window.syncBench.resync('bench-cold'))
  if (re.status !== 'updated' || re.updated !== 1)
    throw new Error(`re-sync after one change: ${re.status}, ${re.updated} updated`)
  await page.evaluate(() => window.syncBench.drop('bench-cold'))
  return { bytes: re.bytes, ms: re.ms }
}

/** A copy of dist/ whose feed is `practices`, with the catalogue's own taxonomy (the app names its topics). */
function syntheticApp(practices: Practice[], log: (m: string) => void): void {
  copyAppWithoutFeed(distDir, appDir)
  const taxonomy = catalogueTaxonomy()
  const bytes = writeFeed(buildFeed(practices, taxonomy, { buildSegment: shard => buildSegment(shard, { taxonomy }) }), appDir)
  log(`app with a synthetic feed of ${(bytes / 1e6).toFixed(1)} MB`)
}

/** One cold first visit, in a fresh context: first byte of the page → the list counts every practice. */
async function firstUsableOnce(browser: Browser, url: string, count: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } })
  try {
    const page = await context.newPage()
    await page.goto(url)
    // The count holds only the number, with or without grouping separators ("10,000" or "10000").
    await page.waitForFunction(
      n => (document.querySelector('.result-count')?.textContent ?? '').replace(/\D/g, '') === String(n),
      count,
      { timeout: 240_000, polling: 50 },
    )
    return await page.evaluate(() => performance.now() - (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStart)
  }
  finally {
    await context.close()
  }
}

async function firstUsable(practices: Practice[], runs: number, log: (m: string) => void): Promise<number> {
  ensureBuilt(log)
  syntheticApp(practices, log)
  const server = await serveStatic(appDir)
  const browser = await launchChromium()
  try {
    const times: number[] = []
    for (let i = 0; i < runs; i++)
      times.push(await firstUsableOnce(browser, `${server.url}/`, practices.length))
    log(`first visit to a searchable list of ${practices.length}: ${times.map(t => `${t.toFixed(0)} ms`).join(', ')}`)
    return median(times)
  }
  finally {
    await browser.close()
    await server.close()
  }
}

async function run(ctx: BenchContext): Promise<Record<string, number>> {
  const count = ctx.quick ? 2_000 : 10_000
  const runs = ctx.quick ? 1 : 5
  const practices = synthPractices(count, SEED)
  const taxonomy = taxonomyOf(practices)
  await buildBenchPage()
  const feedBytes = writeFeed(buildFeed(practices, taxonomy, { buildSegment }), outDir)
  ctx.log(`feed: ${count} practices, ${(feedBytes / 1e6).toFixed(1)} MB with search segments`)

  const server = await serveStatic(outDir)
  const browser = await launchChromium()
  let measured: Record<string, number>
  let re: { bytes: number, ms: number }
  try {
    const page = await browser.newPage()
    page.on('pageerror', e => ctx.log(`page error: ${e.message}`))
    await page.goto(`${server.url}/sync.html`)
    await page.waitForFunction(() => 'syncBench' in window)
    measured = await coldAndFloors(page, runs, ctx.log)
    re = await oneChanged(page, practices, taxonomy)
  }
  finally {
    await browser.close()
    await server.close()
  }
  const usable = await firstUsable(practices, runs, ctx.log)
  const s = ctx.quick ? '2k' : '10k'
  ctx.log(`cold/floor = ${(measured.cold! / measured.floor!).toFixed(2)} (budget ≤ 1.3); one change: ${re.bytes} bytes in ${re.ms.toFixed(0)} ms`)
  return {
    [`cold_${s}_ms`]: measured.cold!,
    ...Object.fromEntries([...Object.keys(FLOORS), 'bulkput_app'].map(k => [`${k}_${s}_ms`, measured[k]!])),
    cold_over_floor: measured.cold! / measured.floor!,
    [`first_usable_${s}_ms`]: usable,
    one_changed_bytes: re.bytes,
    one_changed_ms: re.ms,
  }
}

const group: BenchGroup = {
  name: 'sync',
  description: 'cold sync vs the physical IndexedDB floor, first visit to a searchable list, and an incremental re-sync, in headless Chromium',
  run,
}

export default group
