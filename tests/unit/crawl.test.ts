/**
 * The crawler end to end against the fixture site on 127.0.0.1: real HTTP, a fake clock (so waits are
 * counted, never slept), real files in a temporary catalogue folder.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Practice } from '../../src/catalogue/schema'
import { main as buildFeed } from '../../tools/build-feed'
import { runCrawl, type RunOptions } from '../../tools/crawl/run'
import { fakeClock, FIXTURE_USER_AGENT, fixtureCrawl } from '../fixtures/site/crawl'
import { FIXTURE_PRACTICES, type FixturePractice } from '../fixtures/site/practices'
import { FIXTURE_ROBOTS, startFixtureSite, type FixtureSite } from '../fixtures/site/server'

const TAXONOMY = new URL('../../catalogue/taxonomy.json', import.meta.url).pathname
const START = Date.parse('2025-03-01T00:00:00Z')

interface Harness {
  site: FixtureSite
  dir: string
  catalogue: string
  /** Each request as the crawler sent it, at the fake clock's time. */
  sent: { url: string, at: number }[]
  clock: { now: () => number, sleep: (ms: number) => Promise<void> }
  crawl: (overrides?: Partial<RunOptions>) => ReturnType<typeof runCrawl>
}

let h: Harness

async function harness(robots?: string): Promise<Harness> {
  const site = await startFixtureSite(robots === undefined ? {} : { robots })
  const dir = mkdtempSync(join(tmpdir(), 'crawl-'))
  const catalogue = join(dir, 'catalogue')
  mkdirSync(catalogue)
  copyFileSync(TAXONOMY, join(catalogue, 'taxonomy.json'))
  const clock = fakeClock(START)
  const sent: Harness['sent'] = []
  const fetchLogged: typeof fetch = (input, init) => {
    sent.push({ url: String(input), at: clock.now() })
    return fetch(input, init)
  }
  const crawl = (overrides: Partial<RunOptions> = {}) => runCrawl({ ...fixtureCrawl({ site, dir, catalogue, clock, fetch: fetchLogged }), ...overrides })
  return { site, dir, catalogue, sent, clock, crawl }
}

function files(catalogue: string): Map<string, string> {
  const dir = join(catalogue, 'practices')
  return new Map(readdirSync(dir).sort().map(name => [name, readFileSync(join(dir, name), 'utf8')]))
}

function bySource(catalogue: string, slug: string): Practice {
  const found = [...files(catalogue).values()].map(t => JSON.parse(t) as Practice).find(p => p.sourceUrl?.endsWith(`/${slug}`))
  if (!found)
    throw new Error(`no practice file for ${slug}`)
  return found
}

function practice(slug: string): FixturePractice {
  return FIXTURE_PRACTICES.find(p => p.slug === slug)!
}

beforeEach(async () => {
  h = await harness()
})

afterEach(async () => {
  await h.site.close()
  rmSync(h.dir, { recursive: true, force: true })
})

describe('crawl of the fixture site', () => {
  it('writes one file per practice: place from the card, full text, translations merged, the site\'s topics', async () => {
    const { report, exitCode } = await h.crawl()
    expect(exitCode).toBe(0)
    expect(report.errors).toEqual([])
    expect(report.complete).toBe(true)
    expect(report.practices).toMatchObject({ found: 7, new: 7, changed: 0, removed: 0 })
    expect(files(h.catalogue).size).toBe(7)

    const benches = bySource(h.catalogue, 'story-benches-in-every-neighbourhood')
    expect(benches).toMatchObject({ title: 'Story Benches in Every Neighbourhood', country: 'PT', city: 'Braga', language: 'en' })
    expect(benches.topics).toEqual(['culture-leisure-heritage', 'neighbourhood'])
    expect(benches.translations?.fr?.title).toBe('Des bancs à histoires dans chaque quartier')
    expect(benches.body).toContain('two squares now hold a yearly storytelling evening')
    expect(benches.teaserOnly).toBeUndefined()

    // Content-only layout with a list; older asset-publisher address; both still one record each.
    expect(bySource(h.catalogue, 'multilingual-library-hours').body).toContain('A shelf of picture books per language')
    const desk = bySource(h.catalogue, 'welcome-desk-for-newcomers')
    expect(desk).toMatchObject({ country: 'ES', city: 'Valencia', topics: ['welcoming-integration'] })
    expect(desk.sourceUrl).toContain('/asset_publisher/')
    // The French page of an untranslated practice repeats the English text: no translation.
    expect(desk.translations).toBeUndefined()
    expect(report.warnings).toContainEqual(expect.stringContaining('"Urban gardening"'))
    expect(report.warnings.filter(w => w.includes('not a practice address'))).toEqual([])
  })

  it('obeys robots.txt and names itself in every request', async () => {
    const { report } = await h.crawl()
    const paths = h.site.requests.map(r => r.path)
    expect(paths[0]).toBe('/robots.txt')
    expect(paths).not.toContain('/fr/web/interculturalcities/-/rumour-busters-on-local-radio')
    expect(paths).toContain('/en/web/interculturalcities/-/rumour-busters-on-local-radio')
    expect(report.pages.disallowed).toBe(1)
    expect(bySource(h.catalogue, 'rumour-busters-on-local-radio').translations).toBeUndefined()
    expect(new Set(h.site.requests.map(r => r.userAgent))).toEqual(new Set([FIXTURE_USER_AGENT]))
  })

  it('follows the group for its own user agent, not *', async () => {
    await h.site.close()
    h = await harness('User-agent: *\nDisallow: /\n\nUser-agent: ICCFieldGuide\nDisallow: /fr/\n')
    const { report } = await h.crawl()
    expect(report.practices.found).toBe(7)
    expect(h.site.requests.filter(r => r.path.startsWith('/fr/'))).toEqual([])
  })

  it('sends at most one request per second of the clock, and keeps the site\'s Crawl-delay', async () => {
    await h.crawl()
    const perSecond = new Map<number, number>()
    for (const { at } of h.sent)
      perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1)
    expect(h.sent.length).toBeGreaterThan(20)
    expect(Math.max(...perSecond.values())).toBe(1)

    await h.site.close()
    h = await harness(`${FIXTURE_ROBOTS}\nUser-agent: *\nCrawl-delay: 3\n`)
    await h.crawl()
    const gaps = h.sent.slice(1).map((s, i) => s.at - h.sent[i]!.at)
    expect(Math.min(...gaps)).toBe(3000)
  })

  it('waits as long as a 503 Retry-After says, then reads the page', async () => {
    const path = '/en/web/interculturalcities/good-practice?delta=3&start=2'
    h.site.queueFaults(path, [{ status: 503, headers: { 'retry-after': '7' } }])
    const { report } = await h.crawl()
    const tries = h.sent.filter(s => s.url.endsWith(path))
    expect(tries).toHaveLength(2)
    expect(tries[1]!.at - tries[0]!.at).toBe(7000)
    expect(h.site.requests.filter(r => r.path === path).map(r => r.status)).toEqual([503, 200])
    expect(report.pages.retries).toBe(1)
    expect(report.practices.found).toBe(7)
  })

  it('downloads no page body on a second run when nothing changed', async () => {
    await h.crawl()
    const before = files(h.catalogue)
    h.site.requests.length = 0
    const { report } = await h.crawl()
    expect(h.site.requests.length).toBeGreaterThan(20)
    expect(h.site.requests.every(r => r.conditional && r.status === 304 && r.bodyBytes === 0)).toBe(true)
    expect(report.pages.fetched).toBe(0)
    expect(report.practices).toMatchObject({ found: 7, new: 0, changed: 0, unchanged: 7 })
    expect(files(h.catalogue)).toEqual(before)
  })

  it('updates exactly one practice file when one practice page changes', async () => {
    await h.crawl()
    const before = files(h.catalogue)
    const kitchen = practice('shared-kitchen-evenings')
    const edited = { ...kitchen, modified: 'Tue, 01 Apr 2025 09:00:00 GMT', en: { ...kitchen.en, body: [...kitchen.en.body, 'Update: a second centre joined in 2024.'] } }
    h.site.setPractices(FIXTURE_PRACTICES.map(p => (p.slug === kitchen.slug ? edited : p)))
    const stamp = new Date(h.clock.now()).toISOString()
    const { report } = await h.crawl()
    const after = files(h.catalogue)
    const changed = [...after.keys()].filter(name => after.get(name) !== before.get(name))
    expect(changed).toHaveLength(1)
    const record = JSON.parse(after.get(changed[0]!)!) as Practice
    expect(record.sourceUrl).toMatch(/shared-kitchen-evenings$/)
    expect(record.body).toContain('a second centre joined in 2024')
    expect(record.updatedAt).toBe(stamp)
    expect(report.changed).toEqual([record.id])
    expect(report.practices).toMatchObject({ new: 0, changed: 1, unchanged: 6 })
  })

  it('reports a practice the site no longer lists, and leaves its file', async () => {
    await h.crawl()
    const gone = bySource(h.catalogue, 'mediators-in-sports-clubs')
    h.site.setPractices(FIXTURE_PRACTICES.filter(p => p.slug !== 'mediators-in-sports-clubs'))
    const { report } = await h.crawl()
    expect(report.removed).toEqual([gone.id])
    expect(report.practices).toMatchObject({ found: 6, removed: 1, changed: 0 })
    expect(existsSync(join(h.catalogue, 'practices', `${gone.id}.json`))).toBe(true)
  })

  it('keeps reviewed fields and reviewer topics, and lists where the site differs', async () => {
    await h.crawl()
    const benches = bySource(h.catalogue, 'story-benches-in-every-neighbourhood')
    const reviewed = { ...benches, title: 'Story benches in the squares of Braga', reviewerTopics: ['education'], topics: ['neighbourhood', 'roma'] }
    const path = join(h.catalogue, 'practices', `${benches.id}.json`)
    writeFileSync(path, `${JSON.stringify(reviewed, null, 2)}\n`)
    const { report } = await h.crawl()
    const after = JSON.parse(readFileSync(path, 'utf8')) as Practice
    expect(after.title).toBe('Story benches in the squares of Braga')
    expect(after.reviewerTopics).toEqual(['education'])
    expect(after.topics).toEqual(['culture-leisure-heritage', 'neighbourhood'])
    expect(report.differences).toContainEqual({ id: benches.id, field: 'title', file: 'Story benches in the squares of Braga', site: 'Story Benches in Every Neighbourhood', kept: 'file' })
    expect(report.differences).toContainEqual(expect.objectContaining({ id: benches.id, field: 'topics', kept: 'site' }))
  })

  it('keeps the id of a reviewed file that has no sourceUrl yet, matched by country, city and title', async () => {
    const practicesDir = join(h.catalogue, 'practices')
    mkdirSync(practicesDir)
    const seed: Practice = {
      id: 'pt-braga-story-benches', slug: 'pt-braga-story-benches', title: 'Story Benches in Every Neighbourhood', country: 'PT', city: 'Braga',
      period: { text: '2019', start: 2019, end: 2019, ongoing: false }, topics: ['neighbourhood'], language: 'en', summary: 'Benches.', body: 'Benches.', updatedAt: '2024-01-01T00:00:00.000Z',
    }
    writeFileSync(join(practicesDir, 'pt-braga-story-benches.json'), `${JSON.stringify(seed, null, 2)}\n`)
    const { report } = await h.crawl()
    const updated = JSON.parse(readFileSync(join(practicesDir, 'pt-braga-story-benches.json'), 'utf8')) as Practice
    expect(updated.sourceUrl).toMatch(/story-benches-in-every-neighbourhood$/)
    expect(updated.body).toContain('storytelling evening')
    expect(report.changed).toEqual(['pt-braga-story-benches'])
    expect(report.practices.new).toBe(6)
  })

  it('resumes after an interruption without asking again for the pages it already has', async () => {
    const killed = h.crawl({ onProgress: (p) => {
      if (p.stats.requests >= 9)
        throw new Error('interrupted')
    } })
    await expect(killed).rejects.toThrow('interrupted')
    const first = h.site.requests.filter(r => r.status === 200).map(r => r.path)
    expect(first.length).toBeGreaterThanOrEqual(9)
    h.site.requests.length = 0
    const { report } = await h.crawl()
    const second = h.site.requests.map(r => r.path)
    expect(second.filter(p => first.includes(p))).toEqual([])
    expect(report.pages.resumed).toBe(first.length)
    expect(report.practices.found).toBe(7)
    // Finished: the next run starts afresh (conditional requests, no resumed pages).
    const third = await h.crawl()
    expect(third.report.pages.resumed).toBe(0)
  })

  it('stops at --max-pages without reporting removals, and the next run carries on from there', async () => {
    const first = await h.crawl({ maxPages: 6 })
    expect(h.site.requests).toHaveLength(6)
    expect(first.report.complete).toBe(false)
    expect(first.report.pages.limited).toBeGreaterThan(0)
    expect(first.report.warnings).toContainEqual(expect.stringContaining('--max-pages 6'))
    h.site.requests.length = 0
    const second = await h.crawl()
    expect(second.report.complete).toBe(true)
    expect(second.report.pages.resumed).toBe(6)
    expect(second.report.practices.found).toBe(7)
  })

  it('keeps a practice whose page cannot be read as its card\'s teaser, marked teaserOnly', async () => {
    for (const lang of ['en', 'fr'])
      h.site.setPage(`/${lang}/web/interculturalcities/-/shared-kitchen-evenings`, { status: 404, body: 'Not found' })
    const { report, exitCode } = await h.crawl()
    expect(exitCode).toBe(0)
    const kitchen = bySource(h.catalogue, 'shared-kitchen-evenings')
    expect(kitchen).toMatchObject({ teaserOnly: true, country: 'DE', city: 'Erlangen' })
    expect(kitchen.summary).toContain('cook one dinner together')
    expect(report.warnings).toContainEqual(expect.stringMatching(/shared-kitchen-evenings: HTTP 404/))
  })

  it('reads the listing at any page size', async () => {
    for (const pageSize of [2, 5, 20]) {
      h.site.requests.length = 0
      const { report } = await h.crawl({ pageSize, cacheDir: join(h.dir, `cache-${pageSize}`) })
      expect(report.practices.found, `delta=${pageSize}`).toBe(7)
      const listing = h.site.requests.filter(r => r.path.includes('good-practice?delta='))
      expect(listing).toHaveLength(Math.ceil(7 / pageSize))
    }
  })

  it('exits non-zero naming a listed practice that gives no valid record', async () => {
    const long = { ...practice('harbour-walks-with-new-residents'), en: { ...practice('harbour-walks-with-new-residents').en, title: 'Harbour walks '.repeat(40).trim() } }
    h.site.setPractices(FIXTURE_PRACTICES.map(p => (p.slug === long.slug ? long : p)))
    const { report, exitCode } = await h.crawl()
    expect(exitCode).toBe(1)
    expect(report.errors).toEqual([expect.stringContaining('harbour-walks-with-new-residents')])
  })

  it('gives a catalogue that build-feed turns into a valid feed', async () => {
    await h.crawl()
    const out = join(h.dir, 'site')
    expect(await buildFeed(['--catalogue', h.catalogue, '--out', out, '--no-index'])).toBe(0)
    const manifest = JSON.parse(readFileSync(join(out, 'feed/manifest.json'), 'utf8')) as { practiceCount: number }
    expect(manifest.practiceCount).toBe(7)
  })
})
