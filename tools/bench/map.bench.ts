/**
 * Map benchmarks of the built app (dist/, built first if missing), in headless Chromium:
 *   map.js_gzip_kb            gzip (level 9) kB, 1 kB = 1000 bytes, of the JavaScript (code, outlines and
 *                             messages) the app loads when the map is opened from the catalogue
 *   map.first_draw_10k_ms     a 10,000-practice catalogue with places synced; from the tap on "Map" in the nav
 *                             to the frame after the city dots are in the page: median of 5 openings, offline
 * --quick: 2,000 practices (map.first_draw_2k_ms).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page, Response } from 'playwright-core'
import { buildFeed } from '../build-feed'
import { launchChromium } from '../chromium'
import { placerForCatalogue } from '../places/build'
import { serveStatic } from '../serve'
import { synthPractices } from '../synth'
import { distDir, ensureBuilt, median, repoRoot, waitForFirstList } from './startup/shared'
import { catalogueTaxonomy, copyAppWithoutFeed, writeFeed } from './synthetic-site'
import type { BenchGroup } from './types'
import { buildSegment } from '../../src/search/segmentBuilder'

const workDir = join(repoRoot, '.cache/bench-map')
const OPENINGS = 5
const SEED = 42

/** dist/ with a synthetic feed of `count` practices placed by the real gazetteer, as build-feed would. */
function syntheticSite(count: number, log: (m: string) => void): string {
  const site = join(workDir, 'dist')
  copyAppWithoutFeed(distDir, site)
  const taxonomy = catalogueTaxonomy()
  const placer = placerForCatalogue(join(repoRoot, 'catalogue'))
  writeFeed(buildFeed(synthPractices(count, SEED), taxonomy, { buildSegment: shard => buildSegment(shard, { taxonomy }), placesOf: placer.placesOf }), site)
  log(`synthetic feed: ${count} practices, ${new Set(placer.unmatched.map(u => u.city)).size} city names unplaced`)
  return site
}

/**
 * Opens the map from the nav and resolves with the ms from the tap to the frame after the dots appear. The
 * page script is a string: tsx would wrap named functions in a helper (__name) that the page does not have.
 */
function openMap(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const link = document.querySelector('nav a[href^="/map"]')
    if (!link)
      return reject(new Error('no map link in the nav'))
    const started = performance.now()
    const timer = setTimeout(() => reject(new Error('the map drew no dot in 30 s')), 30000)
    const check = () => {
      if (document.querySelector('.map-canvas a.dot-link')) {
        clearTimeout(timer)
        requestAnimationFrame(() => resolve(performance.now() - started))
      }
      else {
        requestAnimationFrame(check)
      }
    }
    link.click()
    check()
  })`)
}

async function measure(site: string, count: number, log: (m: string) => void): Promise<{ jsKb: number, firstDraw: number }> {
  const server = await serveStatic(site)
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } })
    const page = await context.newPage()
    page.on('pageerror', e => log(`page error: ${e.message}`))
    await page.goto(`${server.url}/`)
    await waitForFirstList(page, 'online visit', 180_000)
    await page.waitForFunction(n => Boolean(navigator.serviceWorker.controller) && (document.querySelector('.result-count')?.textContent ?? '').replace(/\D/g, '') === String(n), count, { timeout: 240_000, polling: 250 })

    const scripts = new Set<string>()
    const onResponse = (r: Response): void => {
      if (r.request().resourceType() === 'script' && r.url().startsWith(server.url))
        scripts.add(new URL(r.url()).pathname)
    }
    page.on('response', onResponse)
    const times = [await openMap(page)]
    page.off('response', onResponse)
    const jsKb = [...scripts].reduce((sum, path) => sum + gzipSync(readFileSync(join(site, decodeURIComponent(path))), { level: 9 }).byteLength / 1000, 0)
    log(`map scripts: ${[...scripts].join(', ')} (${jsKb.toFixed(1)} kB gzip -9)`)

    await context.setOffline(true)
    for (let i = 1; i < OPENINGS; i++) {
      await page.goto(`${server.url}/`)
      await waitForFirstList(page, `offline visit ${i}`, 60_000)
      await page.waitForTimeout(500)
      times.push(await openMap(page))
    }
    log(`first draw with ${count} practices: ${times.map(t => `${t.toFixed(0)} ms`).join(', ')}`)
    return { jsKb, firstDraw: median(times) }
  }
  finally {
    await browser.close()
    await server.close()
  }
}

const group: BenchGroup = {
  name: 'map',
  description: 'the map view\'s JavaScript and its first draw with a large catalogue',
  async run(ctx) {
    ensureBuilt(ctx.log)
    const count = ctx.quick ? 2_000 : 10_000
    const { jsKb, firstDraw } = await measure(syntheticSite(count, ctx.log), count, ctx.log)
    return { js_gzip_kb: jsKb, [`first_draw_${ctx.quick ? '2k' : '10k'}_ms`]: firstDraw }
  },
}

export default group
