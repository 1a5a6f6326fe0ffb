import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Window } from 'happy-dom'
import { afterEach, describe, expect, it } from 'vitest'
import { readFirstScreen, type FirstScreen } from '../../src/catalogue/firstScreen'
import { openIndex } from '../../src/search/engine'
import { buildSegment } from '../../src/search/segmentBuilder'
import { buildFeed, writeFeed } from '../../tools/build-feed'
import { FIRST_SCREEN_CARDS, firstScreenBlock, firstScreenOf } from '../../tools/first-screen'
import { makePractice, makePractices, makeTaxonomy } from '../fixtures/feeds/practices'
import type { Practice } from '../../src/catalogue/schema'

const dirs: string[] = []
afterEach(() => { dirs.splice(0).forEach(dir => rmSync(dir, { recursive: true, force: true })) })

/** Writes a feed with its search index, as `npm run build` does, and returns its feed/ directory. */
function feedDir(practices: Practice[], shardCount?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'first-screen-'))
  dirs.push(dir)
  writeFeed(dir, buildFeed(practices, makeTaxonomy(), { buildSegment, ...(shardCount ? { shardCount } : {}) }))
  return join(dir, 'feed')
}

/** The ids the app lists first for the unfiltered catalogue, straight from the engine. */
function engineOrder(practices: Practice[], shardCount: number, year: number): string[] {
  const feed = buildFeed(practices, makeTaxonomy(), { buildSegment, shardCount })
  const segments = feed.manifest.searchIndex!.map(ref => feed.files.get(`feed/${ref.url}`) as Uint8Array)
  return openIndex(segments).query(
    { text: '', topic: [], country: [], city: [], year: [], language: [], sort: 'relevance' },
    { locale: 'en', currentYear: year, countryName: c => c },
  ).ids
}

function documentWith(html: string): Document {
  const window = new Window()
  window.document.body.innerHTML = html
  return window.document as unknown as Document
}

describe('the embedded first screen', () => {
  // Equal periods and titles that differ only after their first words: the tie-breaks decide the order.
  const practices = [
    ...makePractices(40),
    makePractice(100, { title: 'Zebra crossings for all', period: { text: 'Since 2030', start: 2030, ongoing: true } }),
    makePractice(101, { title: 'Ágora of neighbours', period: { text: '2015-2029', start: 2015, end: 2029, ongoing: false } }),
  ]

  it('holds the first cards of the unfiltered list in the order the app gives them, over several shards', () => {
    const screen = firstScreenOf(feedDir(practices, 3), 2026)!
    expect(screen.practices.map(p => p.id)).toEqual(engineOrder(practices, 3, 2026).slice(0, FIRST_SCREEN_CARDS))
    expect(screen.total).toBe(practices.length)
    expect(screen.year).toBe(2026)
  })

  it('orders for the year it is cut for: ongoing practices run to that year', () => {
    const dir = feedDir(practices, 2)
    for (const year of [2026, 2031])
      expect(firstScreenOf(dir, year)!.practices.map(p => p.id)).toEqual(engineOrder(practices, 2, year).slice(0, FIRST_SCREEN_CARDS))
    expect(firstScreenOf(dir, 2026)!.practices.map(p => p.id)).not.toEqual(firstScreenOf(dir, 2031)!.practices.map(p => p.id))
  })

  it('carries what a card shows, the names of its topics only, and the feed version', () => {
    const dir = feedDir(practices)
    const screen = firstScreenOf(dir, 2026)!
    const first = practices.find(p => p.id === screen.practices[0]!.id)!
    expect(screen.practices[0]).toEqual({ id: first.id, title: first.title, city: first.city, country: first.country, period: first.period, topics: first.topics, language: first.language, summary: first.summary })
    const used = new Set(screen.practices.flatMap(p => p.topics))
    expect(screen.topics.map(t => t.id).sort()).toEqual([...used].sort())
    expect(screen.topics[0]!.names.fr).toBeDefined()
    expect(screen.version).toBe(buildFeed(practices, makeTaxonomy(), { buildSegment }).manifest.version)
  })

  it('has none for a feed without a search index, or no feed at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'first-screen-'))
    dirs.push(dir)
    writeFeed(dir, buildFeed(practices, makeTaxonomy()))
    expect(firstScreenOf(join(dir, 'feed'), 2026)).toBeUndefined()
    expect(firstScreenOf(join(dir, 'nowhere'), 2026)).toBeUndefined()
  })

  it('keeps hostile catalogue text inert in the page, and reads it back unchanged', () => {
    const hostile = '</script><script>alert(1)</script><!-- <b>'
    const list = [makePractice(0, { title: hostile, summary: hostile, period: { text: 'Since 2040', start: 2040, ongoing: true } }), ...makePractices(5, 1)]
    const screen = firstScreenOf(feedDir(list), 2026)!
    expect(screen.practices[0]!.title).toBe(hostile)
    const block = firstScreenBlock(screen)
    expect(block.match(/<\/script/g)).toHaveLength(1)
    expect(block).not.toContain('<!--')
    const doc = documentWith(block)
    expect(doc.querySelectorAll('script')).toHaveLength(1)
    expect(readFirstScreen(doc, 2026)).toEqual(screen)
  })

  it('is read in its own year only, and never from a broken block', () => {
    const screen: FirstScreen = firstScreenOf(feedDir(practices), 2026)!
    const doc = documentWith(firstScreenBlock(screen))
    expect(readFirstScreen(doc, 2026)?.practices).toHaveLength(FIRST_SCREEN_CARDS)
    expect(readFirstScreen(doc, 2027)).toBeUndefined()
    expect(readFirstScreen(documentWith('<script type="application/json" id="first-screen">{"year":2026,</script>'), 2026)).toBeUndefined()
    expect(readFirstScreen(documentWith('<script type="application/json" id="first-screen">{"year":2026,"practices":[]}</script>'), 2026)).toBeUndefined()
    expect(readFirstScreen(documentWith('<div id="app"></div>'), 2026)).toBeUndefined()
  })
})
