/**
 * The whole path of a published catalogue: the crawler walks the fixture site on 127.0.0.1, build-feed turns
 * the crawled catalogue into a feed, and the app, pointed at that feed in Settings, syncs it and lists the
 * crawled practices, with their translations.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, normalize } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main as buildFeed } from '../../tools/build-feed'
import { runCrawl } from '../../tools/crawl/run'
import { serveStatic, type StaticServer } from '../../tools/serve'
import { fakeClock, fixtureCrawl } from '../fixtures/site/crawl'
import { FIXTURE_PRACTICES } from '../fixtures/site/practices'
import { type FixtureSite, startFixtureSite } from '../fixtures/site/server'
import { cardTitles, expectCount, openCatalogue, useBrowser } from './fixtures'

const TAXONOMY = new URL('../../catalogue/taxonomy.json', import.meta.url).pathname
const FEED_PATH = '/crawled/'

/** Crawls the fixture site into a fresh catalogue folder and builds its feed; returns the feed's folder. */
async function crawlAndBuild(site: FixtureSite, dir: string): Promise<string> {
  const catalogue = join(dir, 'catalogue')
  mkdirSync(catalogue)
  copyFileSync(TAXONOMY, join(catalogue, 'taxonomy.json'))
  const { exitCode, report } = await runCrawl(fixtureCrawl({ site, dir, catalogue, clock: fakeClock(Date.parse('2025-03-01T00:00:00Z')) }))
  expect(exitCode, report.errors.join('\n')).toBe(0)
  const out = join(dir, 'site')
  vi.spyOn(console, 'log').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  expect(await buildFeed(['--catalogue', catalogue, '--out', out, '--unreviewed'])).toBe(0)
  vi.restoreAllMocks()
  return join(out, 'feed')
}

/** Serves the crawled feed beside the app, on its origin (the app's policy allows no other http origin). */
function serveFeed(server: StaticServer, feedDir: string): void {
  server.setIntercept((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (!path.startsWith(FEED_PATH))
      return false
    const file = join(feedDir, normalize(path.slice(FEED_PATH.length)).replace(/^(\.\.(\/|$))+/, ''))
    try {
      res.writeHead(200, { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream', 'cache-control': 'no-cache' }).end(readFileSync(file))
    }
    catch {
      res.writeHead(404).end()
    }
    return true
  })
}

async function pointAtFeed(page: Page, url: string): Promise<void> {
  await page.goto('/settings')
  // The address is an advanced setting, behind its own disclosure.
  await page.getByText('Advanced', { exact: true }).click()
  await page.getByLabel('Catalogue address').fill(url)
  await page.getByRole('button', { name: 'Save and update' }).click()
}

describe('a crawled catalogue, published and synced', () => {
  const browser = useBrowser()
  let site: FixtureSite
  let server: StaticServer
  let dir: string

  beforeAll(async () => {
    site = await startFixtureSite()
    dir = mkdtempSync(join(tmpdir(), 'crawl-e2e-'))
    const feedDir = await crawlAndBuild(site, dir)
    server = await serveStatic('dist')
    serveFeed(server, feedDir)
  })
  afterAll(async () => {
    await server?.close()
    await site?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('lists every crawled practice, with its translation, after the app syncs the published feed', async () => {
    // The app from the server that also serves the crawled feed: one origin, as a deployment has.
    const context = await browser().newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } })
    context.setDefaultTimeout(20_000)
    const page = await context.newPage()
    await openCatalogue(page)
    await pointAtFeed(page, `${server.url}${FEED_PATH}manifest.json`)
    // 7 practices in place of 32: the app asks before it removes most of the catalogue, and the user agrees.
    await page.getByRole('button', { name: 'Apply the update' }).click()
    // The update runs on this page: leaving before it ends would cut it off.
    await page.getByRole('button', { name: 'Update now' }).waitFor()

    await page.goto('/')
    const count = FIXTURE_PRACTICES.length
    await expectCount(page, `${count} practices`)
    const titles = await cardTitles(page)
    expect([...titles].sort()).toEqual(FIXTURE_PRACTICES.map(p => p.en.title).sort())

    // A practice translated on the site reads in French too; one the site never translated offers no French.
    await page.getByRole('link', { name: 'Story Benches in Every Neighbourhood' }).click()
    await page.getByRole('button', { name: /^(French|français)$/i }).click()
    await page.getByRole('heading', { level: 1, name: 'Des bancs à histoires dans chaque quartier' }).waitFor()
    await context.close()
  })
})
