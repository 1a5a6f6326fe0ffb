/**
 * Walking a listing from page 1 until every entry its result line counts has been seen: the main listing
 * (whose cards become sources for the importer) and the listing filtered by each topic.
 */
import type { SourceText } from '../import/pipeline'
import type { Fetcher } from './fetcher'
import { pageText, parseHtml, type Document } from './html'
import { readListing, type LinkList } from './listing'

export interface CardEntry {
  /** The practice page's address, as the card links it. */
  url: string
  /** The listing page with this card alone, as the importer reads it. */
  source: SourceText
}

interface WalkResult {
  cards: CardEntry[]
  /** Every entry the result line counts was seen. */
  complete: boolean
  /** The first page's filter lists (the Topic filter among them). */
  linkLists: LinkList[]
  warnings: string[]
}

interface WalkOptions {
  fetcher: Fetcher
  /** Page `start` (1-based) of this listing. */
  pageUrl: (start: number) => string
  delta: number
  /** Keep each card's text (the main listing); topic listings only need the links. */
  withSources: boolean
  onPage?: (done: number, total: number | undefined) => void
}

/** One source per card: the page with the other cards left out, so the importer's entry is this card's. */
function cardSources(doc: Document, pageUrl: string, cards: ReturnType<typeof readListing>['cards']): CardEntry[] {
  return cards.map(card => ({
    url: card.url,
    source: {
      file: pageUrl,
      text: pageText(doc, { skip: new Set(cards.filter(c => c !== card).map(c => c.element)) }),
      url: pageUrl,
      entryUrls: [card.url],
    },
  }))
}

export async function walkListing(options: WalkOptions): Promise<WalkResult> {
  const seen = new Map<string, CardEntry>()
  const warnings: string[] = []
  let linkLists: LinkList[] = []
  let total: number | undefined
  let complete = false
  for (let start = 1; ; start++) {
    const url = options.pageUrl(start)
    const outcome = await options.fetcher.get(url)
    if (!('body' in outcome)) {
      warnings.push(`${url}: listing page not read (${outcome.kind === 'failed' ? outcome.reason : outcome.kind}); the listing is incomplete`)
      break
    }
    const doc = parseHtml(outcome.body)
    const listing = readListing(doc, url, (start - 1) * options.delta + 1)
    if (start === 1)
      linkLists = listing.linkLists
    total = listing.result?.total ?? total
    const fresh = listing.cards.filter(c => !seen.has(c.url))
    const entries = options.withSources ? cardSources(doc, url, listing.cards) : listing.cards.map(c => ({ url: c.url, source: { file: url, text: '' } }))
    entries.filter(e => fresh.some(c => c.url === e.url)).forEach(e => seen.set(e.url, e))
    options.onPage?.(start, total === undefined ? undefined : Math.ceil(total / options.delta))
    if (listing.cards.length === 0 || (total !== undefined && seen.size >= total)) {
      complete = total === undefined ? listing.cards.length === 0 : seen.size >= total
      break
    }
    if (fresh.length === 0) {
      warnings.push(`${url}: no new entries on this page; stopped after ${seen.size} of ${total ?? '?'}`)
      break
    }
    if (total === undefined && listing.cards.length < options.delta) {
      warnings.push(`${url}: no result line; took the short page as the last`)
      complete = true
      break
    }
  }
  if (total !== undefined && seen.size < total)
    warnings.push(`${options.pageUrl(1)}: ${seen.size} of ${total} entries seen`)
  return { cards: [...seen.values()], complete, linkLists, warnings }
}
