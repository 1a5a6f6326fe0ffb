/** The crawler's pure parts: page text, listing markup, robots.txt, Retry-After, topic names, reviewed fields. */
import { describe, expect, it } from 'vitest'
import type { Practice } from '../../src/catalogue/schema'
import { reconcile } from '../../tools/import/review'
import { planCatalogue } from '../../tools/crawl/catalogue'
import { withLanguage } from '../../tools/crawl/crawl'
import { createFetcher, retryAfterMs } from '../../tools/crawl/fetcher'
import { memoryCache, memoryState } from '../../tools/crawl/cache'
import { pageText, parseHtml } from '../../tools/crawl/html'
import { readCards, readLinkLists, readResultLine } from '../../tools/crawl/listing'
import { parseRobots } from '../../tools/crawl/robots'
import { findTopicFilter, topicNames } from '../../tools/crawl/topics'

const PAGE = 'https://www.coe.int/en/web/interculturalcities/good-practice?delta=2&start=1'

function record(overrides: Partial<Practice> = {}): Practice {
  return {
    id: 'pt-braga-benches', slug: 'pt-braga-benches', title: 'Benches', country: 'PT', city: 'Braga',
    period: { text: '2019', start: 2019, end: 2019, ongoing: false }, topics: [], language: 'en', summary: 'S.', body: 'B.',
    sourceUrl: 'https://www.coe.int/en/web/interculturalcities/-/benches', updatedAt: '2024-01-01T00:00:00.000Z', ...overrides,
  }
}

describe('pageText', () => {
  it('gives paragraphs, list items, headings and buttons as the importer reads them', () => {
    const html = `<html><head><title>T</title><script>var x = "<p>no</p>"</script></head><body>
      <nav><a href="/fr">Français</a></nav>
      <h2>Title</h2><p>One <b>bold</b>
      word<p>Two<br>lines</p>
      <ul><li><button>Print the page</button><li>Item <i>two</i></ul>
      <ol><li>First<li>Second</ol>
      <div hidden>secret</div><p aria-hidden="true">also hidden</p>
      <table><tr><td>a<td>b</table></body></html>`
    expect(pageText(parseHtml(html))).toBe('Title\n\nOne bold word\n\nTwo\nlines\n\n• Print the page\n• Item two\n\n1. First\n2. Second\n\na\nb\n')
  })

  it('keeps a nested list and a paragraph inside an item as lines of one list', () => {
    expect(pageText(parseHtml('<ul><li><p>A</p><ul><li>a1</ul><li>B</ul><p>After'))).toBe('• A\n• a1\n• B\n\nAfter\n')
  })
})

describe('listing markup', () => {
  const listing = `<body><h1>Good practice</h1>
    <div class="card"><h3><a href="/en/web/interculturalcities/-/one">One</a></h3><p>Spain Bilbao 2014</p><p>Teaser one...</p><a href="/en/web/interculturalcities/-/one">Read More</a></div>
    <div class="card"><h3></h3><p>Italy Turin 2020</p><p>Teaser two...</p><a href="/en/web/interculturalcities/-/two">Read More</a></div>
    <div class="card"><h3><a href="https://www.coe.int/en/web/interculturalcities/-/three">Three</a></h3><p>Teaser three</p></div>
    <p>Showing 1 - 3 of 9 results.</p>
    <aside><h2>Filter by</h2><h3>Topic</h3><ul><li><a href="?p_r_p_categoryId=7">3 Neighbourhood</a><li><a href="?p_r_p_categoryId=8">Anti-rumour (2)</a><li><a href="?p_r_p_categoryId=9">Urban gardening</a></ul>
    <h3>Year</h3><ul><li><a href="?year=2019">2019</a><li><a href="?year=2020">2020</a></ul></aside></body>`

  it('finds each card\'s link from its title or its Read More link, in page order', () => {
    const cards = readCards(parseHtml(listing), PAGE)
    expect(cards.map(c => c.url)).toEqual([
      'https://www.coe.int/en/web/interculturalcities/-/one',
      'https://www.coe.int/en/web/interculturalcities/-/two',
      'https://www.coe.int/en/web/interculturalcities/-/three',
    ])
    // Each card's element holds its own text and no other card's.
    expect(pageText(cards[1]!.element)).toContain('Teaser two')
    expect(pageText(cards[1]!.element)).not.toContain('Teaser one')
  })

  it('reads the filter lists with their headings and without facet counts', () => {
    const lists = readLinkLists(parseHtml(listing), PAGE)
    expect(lists.map(l => l.heading)).toEqual(['Topic', 'Year'])
    expect(lists[0]!.links).toEqual([
      { name: 'Neighbourhood', href: 'https://www.coe.int/en/web/interculturalcities/good-practice?p_r_p_categoryId=7' },
      { name: 'Anti-rumour', href: 'https://www.coe.int/en/web/interculturalcities/good-practice?p_r_p_categoryId=8' },
      { name: 'Urban gardening', href: 'https://www.coe.int/en/web/interculturalcities/good-practice?p_r_p_categoryId=9' },
    ])
  })

  it('reads the result line in any language and ignores periods that look like one', () => {
    expect(readResultLine('Norway Bergen 2015-2020 / 2021-25\nShowing 21 - 40 of 363 results.', 21)).toEqual({ first: 21, last: 40, total: 363 })
    expect(readResultLine('Εμφάνιση 138 - 138 από 363 αποτελέσματα.', 138)).toEqual({ first: 138, last: 138, total: 363 })
    expect(readResultLine('Affichage de 1 - 20 sur 363 résultats', 1)).toEqual({ first: 1, last: 20, total: 363 })
    expect(readResultLine('Portugal Braga 2019-2021\nNo results.', 1)).toBeUndefined()
  })
})

describe('topics', () => {
  const taxonomy = { topics: [
    { id: 'neighbourhood', names: { en: 'Neighbourhood', fr: 'Quartier' } },
    { id: 'culture-leisure-heritage', names: { en: 'Culture, Leisure and Heritage', fr: 'Culture, loisirs et patrimoine' } },
  ] }

  it('recognises the Topic filter by its names in any language, and keeps unknown names without an id', () => {
    const lists = [
      { heading: 'Année', links: [{ name: '2019', href: 'https://x/?y=2019' }, { name: '2020', href: 'https://x/?y=2020' }] },
      { heading: 'Thème', links: [{ name: 'Quartier', href: 'https://x/?c=1' }, { name: 'culture loisirs et patrimoine', href: 'https://x/?c=2' }, { name: 'Jardinage urbain', href: 'https://x/?c=3' }] },
    ]
    expect(findTopicFilter(lists, topicNames(taxonomy))).toEqual([
      { name: 'Quartier', href: 'https://x/?c=1', id: 'neighbourhood' },
      { name: 'culture loisirs et patrimoine', href: 'https://x/?c=2', id: 'culture-leisure-heritage' },
      { name: 'Jardinage urbain', href: 'https://x/?c=3' },
    ])
    expect(findTopicFilter(lists.slice(0, 1), topicNames(taxonomy))).toBeUndefined()
  })
})

describe('robots.txt', () => {
  const robots = `User-agent: *
Disallow: /private
Allow: /private/open
Disallow: /*.pdf$
Crawl-delay: 2

User-agent: ICCFieldGuide
User-agent: OtherBot
Disallow: /fr/
Allow: /fr/web/interculturalcities/good-practice
`
  const at = (path: string) => `https://www.coe.int${path}`

  it('applies the longest matching rule, Allow on a tie, with * and $', () => {
    const rules = parseRobots(robots, 'SomeCrawler/1.0')
    expect(rules.allows(at('/private/x'))).toBe(false)
    expect(rules.allows(at('/private/open/x'))).toBe(true)
    expect(rules.allows(at('/docs/a.pdf'))).toBe(false)
    expect(rules.allows(at('/docs/a.pdf?x=1'))).toBe(true)
    expect(rules.allows(at('/robots.txt'))).toBe(true)
    expect(rules.crawlDelay).toBe(2)
    const tie = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n', 'x')
    expect(tie.allows(at('/a'))).toBe(true)
  })

  it('uses the group naming our product token instead of *', () => {
    const rules = parseRobots(robots, 'ICCFieldGuide/0.1.0 (+https://example.org)')
    expect(rules.allows(at('/private/x'))).toBe(true)
    expect(rules.allows(at('/fr/web/interculturalcities/-/x'))).toBe(false)
    expect(rules.allows(at('/fr/web/interculturalcities/good-practice?delta=20'))).toBe(true)
    expect(rules.crawlDelay).toBeUndefined()
  })
})

describe('fetching', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-03-01T00:00:00Z')
    expect(retryAfterMs('120', now)).toBe(120_000)
    expect(retryAfterMs('Sat, 01 Mar 2025 00:00:30 GMT', now)).toBe(30_000)
    expect(retryAfterMs('Fri, 28 Feb 2025 00:00:00 GMT', now)).toBe(0)
    expect(retryAfterMs('soon', now)).toBeUndefined()
    expect(retryAfterMs(null, now)).toBeUndefined()
  })

  it('backs off on 429 and network errors, honours an HTTP-date Retry-After, and gives up after its tries', async () => {
    let now = Date.parse('2025-03-01T00:00:00Z')
    const times: number[] = []
    const answers: (() => Response)[] = [
      () => new Response('', { status: 429, headers: { 'retry-after': 'Sat, 01 Mar 2025 00:01:00 GMT' } }),
      () => { throw new TypeError('socket hang up') },
      () => new Response('<p>ok</p>', { status: 200, headers: { etag: '"1"' } }),
    ]
    const fetcher = createFetcher({
      fetch: async () => {
        times.push(now)
        return answers.shift()!()
      },
      clock: { now: () => now, sleep: async (ms) => { now += ms } },
      cache: memoryCache(),
      state: memoryState(),
      userAgent: 'test',
      rate: 1,
      retry: { attempts: 3, baseDelayMs: 1000 },
    })
    const outcome = await fetcher.get('https://site.test/a')
    expect(outcome).toEqual({ kind: 'fetched', url: 'https://site.test/a', body: '<p>ok</p>' })
    expect(times.map(t => t - times[0]!)).toEqual([0, 60_000, 62_000])
    answers.push(() => new Response('', { status: 500 }), () => new Response('', { status: 500 }), () => new Response('', { status: 500 }))
    expect(await fetcher.get('https://site.test/b')).toMatchObject({ kind: 'failed', status: 500 })
    expect(fetcher.stats).toMatchObject({ requests: 6, fetched: 1, failed: 1, retries: 4 })
  })
})

describe('addresses', () => {
  it('puts a page under another language prefix', () => {
    expect(withLanguage('https://www.coe.int/en/web/interculturalcities/-/benches', 'fr')).toBe('https://www.coe.int/fr/web/interculturalcities/-/benches')
    expect(withLanguage('https://www.coe.int/web/interculturalcities/-/benches', 'fr')).toBe('https://www.coe.int/fr/web/interculturalcities/-/benches')
  })
})

describe('reviewed files', () => {
  it('keeps reviewed fields and reviewer topics, takes the site\'s topics, and lists each difference', () => {
    const existing = record({ title: 'Benches of Braga', city: 'Braga', topics: ['roma'], reviewerTopics: ['education'] })
    const fresh = record({ title: 'Story Benches', city: 'Braga', topics: ['neighbourhood'], body: 'New body.' })
    const { practice, differences } = reconcile(fresh, existing, { stamp: '2025-03-01T00:00:00.000Z', siteTopics: true })
    expect(practice).toMatchObject({ title: 'Benches of Braga', topics: ['neighbourhood'], reviewerTopics: ['education'], body: 'New body.', updatedAt: '2025-03-01T00:00:00.000Z' })
    expect(differences).toEqual([
      { field: 'title', file: 'Benches of Braga', site: 'Story Benches', kept: 'file' },
      { field: 'topics', file: '["roma"]', site: '["neighbourhood"]', kept: 'site' },
    ])
  })

  it('takes the site\'s value for a field still flagged for review, without reporting it', () => {
    const existing = record({ city: '', review: ['missing_city'] })
    const { practice, differences } = reconcile(record({ city: 'Braga' }), existing, { siteTopics: true })
    expect(practice.city).toBe('Braga')
    expect(practice.review).toBeUndefined()
    expect(differences).toEqual([])
  })

  it('names a record that fails the schema and never writes it', () => {
    const plan = planCatalogue([record({ id: 'bad', slug: 'bad', country: 'Portugal' })], [], { base: 'https://www.coe.int', complete: true, listed: [], stamp: '2025-03-01T00:00:00.000Z' })
    expect(plan.writes).toEqual([])
    expect(plan.errors).toEqual([expect.stringMatching(/^bad \(https:\/\/www\.coe\.int\/en\/web\/interculturalcities\/-\/benches\): country: /)])
  })

  it('matches a file by the practice its sourceUrl names, whatever the language prefix or URL form', () => {
    const existing = [{ file: 'x.json', practice: record({ id: 'reviewed-id', slug: 'reviewed-id', title: 'Reviewed', sourceUrl: 'https://www.coe.int/fr/web/interculturalcities/good-practice/-/asset_publisher/Ab1/content/benches' }) }]
    const plan = planCatalogue([record()], existing, { base: 'https://www.coe.int', complete: true, listed: [record().sourceUrl!], stamp: '2025-03-01T00:00:00.000Z' })
    expect(plan.writes).toEqual([])
    expect(plan.unchanged).toEqual(['reviewed-id'])
    expect(plan.differences.map(d => d.field)).toEqual(['title', 'sourceUrl'])
    expect(plan.removed).toEqual([])
  })

  it('gives a newcomer whose id is taken by another practice an id of its own', () => {
    const existing = [{ file: 'x.json', practice: record({ sourceUrl: 'https://www.coe.int/en/web/interculturalcities/-/other', title: 'Other' }) }]
    const plan = planCatalogue([record()], existing, { base: 'https://www.coe.int', complete: true, listed: [record().sourceUrl!], stamp: '2025-03-01T00:00:00.000Z' })
    expect(plan.writes.map(w => [w.id, w.status])).toEqual([['pt-braga-benches-2', 'new']])
    expect(plan.removed).toEqual(['pt-braga-benches'])
  })
})
