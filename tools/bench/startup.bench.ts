/**
 * Start-up benchmarks of the built app (dist/, built first if missing), in headless Chromium:
 *   startup.first_load_js_gzip_kb       gzip (level 9) kB, 1 kB = 1000 bytes, of the JavaScript the page loaded
 *                                       before the first list was shown ('icc:first-list' mark), on a return visit
 *   startup.first_visit_js_gzip_kb      the same on the first visit, which also downloads and stores the catalogue
 *   startup.all_js_gzip_kb              every .js in dist/assets, for context
 *   startup.offline_first_list_10k_ms   a 10,000-practice catalogue synced, then an offline reload (served by the
 *                                       service worker) to the first list: median of 5 reloads
 *   lighthouse.performance | accessibility | best_practices
 *                                       Lighthouse 12 default (mobile, simulated throttling) on the seed catalogue:
 *                                       5 runs, the first (cold) discarded, median of the other 4 (one run on a shared 2-core machine swings by ±5 points); text is
 *                                       served gzipped, as any static host would
 * --quick: 2,000 practices (startup.offline_first_list_2k_ms) and 2 Lighthouse runs.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildFeed } from '../build-feed'
import type { Page, Response } from 'playwright-core'
import { launchChromium } from '../chromium'
import { serveStatic } from '../serve'
import { runLighthouse } from './startup/lighthouse'
import { distDir, ensureBuilt, median, repoRoot, waitForFirstList } from './startup/shared'
import { catalogueTaxonomy, copyAppWithoutFeed, writeFeed } from './synthetic-site'
import type { BenchGroup } from './types'
import { buildSegment } from '../../src/search/segmentBuilder'
import { interfaceLanguages } from '../feed/interfaceLanguages'
import { synthPractices } from '../synth'

const workDir = join(repoRoot, '.cache/bench-startup')
const RELOADS = 5
const SEED = 42

const gzipKb = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).byteLength / 1000

/**
 * A private copy of dist/: every figure then comes from the same build, even when someone rebuilds dist/
 * while the benchmark runs (vite empties it first, which would break a page mid-load).
 */
function snapshotApp(): string {
  const app = join(workDir, 'app')
  rmSync(app, { recursive: true, force: true })
  mkdirSync(workDir, { recursive: true })
  cpSync(distDir, app, { recursive: true })
  if (!existsSync(join(app, 'index.html')))
    throw new Error('dist/ has no index.html (a build in progress?); run npm run build and try again')
  return app
}

/** The app as served: its address and the directory it is served from. */
interface ServedApp {
  origin: string
  appDir: string
}

/** Gzip kB of the app's scripts a page loads before its first list, with a line per script in the log. */
async function scriptsBeforeFirstList(page: Page, app: ServedApp, label: string, log: (m: string) => void): Promise<number> {
  const { origin, appDir } = app
  // Per script URL, when its request began (epoch ms, from Playwright: also set when the page has no
  // resource-timing entry for it, as for a module preloaded through the service worker).
  const scripts = new Map<string, number>()
  let recording = true
  const onResponse = (response: Response): void => {
    const type = response.headers()['content-type'] ?? ''
    if (recording && (response.request().resourceType() === 'script' || type.includes('javascript')) && response.url().startsWith(origin) && !scripts.has(response.url()))
      scripts.set(response.url(), response.request().timing().startTime)
  }
  page.on('response', onResponse)
  await page.goto(`${origin}/`)
  const markAt = await waitForFirstList(page, label)
  recording = false
  page.off('response', onResponse)
  // The poll that saw the mark may lag it by a frame: drop scripts whose fetch began after the mark.
  const { timeOrigin, starts } = await page.evaluate(() => ({
    timeOrigin: performance.timeOrigin,
    starts: Object.fromEntries(performance.getEntriesByType('resource').map(e => [e.name, e.startTime])),
  }))
  let total = 0
  const rows: string[] = []
  for (const [url, requested] of scripts) {
    const path = new URL(url).pathname
    const start = starts[url] ?? requested - timeOrigin
    if (start > markAt) {
      log(`  (after the mark, not counted: ${path})`)
      continue
    }
    const file = join(appDir, decodeURIComponent(path))
    if (!existsSync(file))
      throw new Error(`a script the page loaded is not in the build: ${path}`)
    const kb = gzipKb(file)
    total += kb
    rows.push(`  ${kb.toFixed(1).padStart(6)} kB  ${path}`)
  }
  log(`${label}: list shown at ${markAt.toFixed(0)} ms; ${rows.length} scripts before it, ${total.toFixed(1)} kB gzip -9:`)
  rows.sort().reverse().forEach(r => log(r))
  return total
}

/**
 * JavaScript before the first list. The budget is about every start: a return visit, with the catalogue on
 * the device. The first visit also has to download and store the catalogue, so it loads the sync code too;
 * it is reported beside it.
 */
async function firstLoadJs(appDir: string, log: (m: string) => void): Promise<{ firstLoad: number, firstVisit: number, all: number }> {
  const server = await serveStatic(appDir)
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } })
    const first = await context.newPage()
    first.on('pageerror', e => log(`page error: ${e.message}`))
    const app: ServedApp = { origin: server.url, appDir }
    const firstVisit = await scriptsBeforeFirstList(first, app, 'first visit', log)
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 })
    await first.close()
    const again = await context.newPage()
    const firstLoad = await scriptsBeforeFirstList(again, app, 'return visit', log)

    const assets = join(appDir, 'assets')
    const all = readdirSync(assets).filter(f => f.endsWith('.js')).reduce((s, f) => s + gzipKb(join(assets, f)), 0)
    log(`first-load JS ${firstLoad.toFixed(1)} kB (first visit ${firstVisit.toFixed(1)} kB) of ${all.toFixed(1)} kB in dist/assets/*.js`)
    return { firstLoad, firstVisit, all }
  }
  finally {
    await browser.close()
    await server.close()
  }
}

/** A copy of dist/ whose feed/ is a synthetic catalogue of `count` practices. */
async function syntheticSite(appDir: string, count: number, log: (m: string) => void): Promise<string> {
  const site = join(workDir, 'dist')
  copyAppWithoutFeed(appDir, site)
  const taxonomy = catalogueTaxonomy()
  const started = performance.now()
  const feed = buildFeed(synthPractices(count, SEED), taxonomy, { buildSegment: shard => buildSegment(shard, { taxonomy, nameLanguages: interfaceLanguages() }) })
  const bytes = writeFeed(feed, site)
  log(`synthetic feed: ${count} practices, ${feed.manifest.shards.length} shards${feed.manifest.searchIndex ? ' + search segments' : ''}, ${(bytes / 1e6).toFixed(1)} MB, built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return site
}

async function offlineFirstList(appDir: string, count: number, log: (m: string) => void): Promise<number> {
  const site = await syntheticSite(appDir, count, log)
  const server = await serveStatic(site)
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } })
    const page = await context.newPage()
    page.on('pageerror', e => log(`page error: ${e.message}`))

    const started = performance.now()
    await page.goto(`${server.url}/`)
    const online = await waitForFirstList(page, 'online visit', 180_000)
    try {
      // The list count holds only the number, with or without grouping separators ("10,000" or "10000").
      await page.waitForFunction(
        (n) => {
          const el = document.querySelector('.result-count')
          return Boolean(navigator.serviceWorker.controller) && (el?.textContent ?? '').replace(/\D/g, '') === String(n)
        },
        count,
        { timeout: 240_000, polling: 250 },
      )
    }
    catch (error) {
      const state = await page.evaluate(() => ({ controller: Boolean(navigator.serviceWorker.controller), count: document.querySelector('.result-count')?.textContent ?? '(no .result-count)' }))
      throw new Error(`online visit: the sync of ${count} practices or the service worker did not finish in 240 s (controller ${state.controller}, count "${state.count.trim()}"): ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
    log(`online visit: first list at ${online.toFixed(0)} ms, ${count} practices synced and service worker in control after ${((performance.now() - started) / 1000).toFixed(1)} s`)

    await context.setOffline(true)
    const times: number[] = []
    for (let i = 0; i < RELOADS; i++) {
      await page.reload()
      const at = await waitForFirstList(page, `offline reload ${i + 1}`, 60_000)
      times.push(at)
      // Let the page settle (index loading, the failed feed check) so the next reload starts from rest.
      await page.waitForTimeout(1_000)
    }
    const shownCount = await page.locator('.result-count').textContent()
    log(`offline reloads to first list: ${times.map(t => `${t.toFixed(0)} ms`).join(', ')} (count shown: "${(shownCount ?? '').trim()}")`)
    return median(times)
  }
  finally {
    await browser.close()
    await server.close()
  }
}

async function lighthouseScores(appDir: string, runs: number, log: (m: string) => void): Promise<Record<string, number>> {
  const server = await serveStatic(appDir)
  try {
    const { scores } = await runLighthouse(`${server.url}/`, runs, log)
    return {
      'lighthouse.performance': scores.performance,
      'lighthouse.accessibility': scores.accessibility,
      'lighthouse.best_practices': scores['best-practices'],
    }
  }
  finally {
    await server.close()
  }
}

const group: BenchGroup = {
  name: 'startup',
  description: 'first-load JavaScript, offline reload to the first list, and Lighthouse, on the built app',
  async run(ctx) {
    ensureBuilt(ctx.log)
    const count = ctx.quick ? 2_000 : 10_000
    const app = snapshotApp()
    const { firstLoad, firstVisit, all } = await firstLoadJs(app, ctx.log)
    const offline = await offlineFirstList(app, count, ctx.log)
    const lighthouse = await lighthouseScores(app, ctx.quick ? 2 : 5, ctx.log)
    return {
      first_load_js_gzip_kb: firstLoad,
      first_visit_js_gzip_kb: firstVisit,
      all_js_gzip_kb: all,
      [`offline_first_list_${ctx.quick ? '2k' : '10k'}_ms`]: offline,
      ...lighthouse,
    }
  },
}

export default group
