/**
 * A listing page → its cards. A card is title / "Country City Period" / teaser, usually closed by "Read
 * More"; some languages print no "Read More", so cards are found by their location line and a card ends
 * where the next title begins. Text that belongs to no card is reported.
 */
import { resolveLanguage } from '../../src/catalogue/language'
import { isUnparsedPeriod, parsePeriod } from '../../src/catalogue/period'
import { isChromeLine, isCovidNotice, isIntroParagraph, isReadMore } from './boilerplate'
import { blockText, EMPTY_BLOCK, firstLine, problem, quote, splitFooter, splitHeader, toBlocks, type Block, type Line } from './lines'
import { parseLocationLine, parseUnknownLocation, type Location } from './location'
import type { ParsedEntry, ParsedPage, Problem } from './types'

interface ListingContext {
  languageHint?: string
  entryUrls?: readonly string[]
}

/** One card as found on the page, before it becomes an entry. */
interface Card {
  title?: Block
  locationBlock?: Block
  location?: Location
  teaser: Block[]
  /** The page stops inside this card. */
  partial: boolean
}

/** Blocks between two "Read More" lines (or the page's ends). */
interface Group {
  blocks: Block[]
  closed: boolean
}

function stripEllipsis(text: string): { text: string, truncated: boolean } {
  const m = /(?:\.\.\.|…)$/u.exec(text)
  return m ? { text: text.slice(0, m.index).trimEnd(), truncated: true } : { text, truncated: false }
}

/** Lines left once chrome is out; "Read More" stays, it separates cards. */
function contentBlocks(lines: readonly Line[]): Block[] {
  const kept = lines.map(l => (isChromeLine(l.text) && !isReadMore(l.text) ? { ...l, text: '' } : l))
  return toBlocks(kept).filter(b => !isIntroParagraph(blockText(b)) && !isCovidNotice(blockText(b), false))
}

function groupsOf(blocks: readonly Block[]): Group[] {
  const groups: Group[] = []
  let current: Block[] = []
  for (const block of blocks) {
    if (block.lines.length === 1 && isReadMore(firstLine(block).text)) {
      groups.push({ blocks: current, closed: true })
      current = []
    }
    else {
      current.push(block)
    }
  }
  if (current.length > 0)
    groups.push({ blocks: current, closed: false })
  return groups
}

function locationOf(block: Block | undefined, hint?: string): Location | undefined {
  return block && block.lines.length === 1 ? parseLocationLine(firstLine(block).text, hint) : undefined
}

/** Location lines that open a card: a title that also reads as one ("Italy Turin Days") is followed by the real one. */
function anchorsOf(blocks: readonly Block[], hint?: string): number[] {
  const anchors = blocks.flatMap((block, k) => (locationOf(block, hint) ? [k] : []))
  return anchors.filter(k => !anchors.includes(k + 1))
}

/** Blocks between two location lines: the first card's teaser, then the next card's title. */
function splitGap(gap: readonly Block[]): { teaser: Block[], title?: Block } {
  if (gap.length === 0)
    return { teaser: [] }
  if (gap.length === 1) {
    // One block: a teaser ends with the site's "...", a title does not.
    const only = gap[0] ?? EMPTY_BLOCK
    return stripEllipsis(blockText(only)).truncated ? { teaser: [only] } : { teaser: [], title: only }
  }
  return { teaser: gap.slice(0, -1), title: gap.at(-1) }
}

/** Cards of a group that holds location lines; blocks before the first title are returned as stray. */
function cardsByLocation(blocks: readonly Block[], anchors: readonly number[], hint?: string): { cards: Card[], stray: Block[] } {
  const first = anchors[0] ?? 0
  const stray = blocks.slice(0, Math.max(0, first - 1))
  const cards: Card[] = []
  let title = first > 0 ? blocks[first - 1] : undefined
  anchors.forEach((k, i) => {
    const next = anchors[i + 1]
    const gap = splitGap(blocks.slice(k + 1, next ?? blocks.length))
    // The last card of a group keeps every block after its location line as teaser.
    const teaser = next === undefined ? blocks.slice(k + 1) : gap.teaser
    cards.push({ title, locationBlock: blocks[k], location: locationOf(blocks[k], hint), teaser, partial: false })
    title = gap.title
  })
  return { cards, stray }
}

/** A closed group with no location line we know: title, an unknown location, teaser, as far as they go. */
function cardWithoutLocation(blocks: readonly Block[]): Card {
  const n = blocks.length
  if (n >= 3) {
    const locationBlock = blocks[n - 2] ?? EMPTY_BLOCK
    return { title: blocks[n - 3], locationBlock, location: parseUnknownLocation(blockText(locationBlock)), teaser: blocks.slice(n - 1), partial: false }
  }
  return { title: n >= 2 ? blocks[0] : undefined, teaser: blocks.slice(n >= 2 ? 1 : 0), partial: false }
}

function cardsOfGroup(group: Group, hint?: string): { cards: Card[], stray: Block[] } {
  const anchors = anchorsOf(group.blocks, hint)
  if (anchors.length > 0)
    return cardsByLocation(group.blocks, anchors, hint)
  if (group.closed && group.blocks.length > 0)
    return { cards: [cardWithoutLocation(group.blocks)], stray: [] }
  return { cards: [], stray: [] }
}

function locationProblems(file: string, line: Line, location: Location): Problem[] {
  const problems: Problem[] = []
  if (location.country === '')
    problems.push(problem(file, line.n, `no known country at the start of ${quote(line.text)}; country and city left empty (missing_country)`))
  if (isUnparsedPeriod(location.period))
    problems.push(problem(file, line.n, `could not read the period ${quote(location.period.text)} (unparsed_period)`))
  return problems
}

/** What is missing from the entry read from a card. */
function cardProblems(card: Card, entry: ParsedEntry): Problem[] {
  const { file, title, summary: teaser, line } = entry
  const problems: Problem[] = []
  if (!card.locationBlock)
    problems.push(problem(file, line, `entry ${quote(title || teaser)} has no "Country City Period" line; imported without country, city or period`))
  else if (card.location)
    problems.push(...locationProblems(file, firstLine(card.locationBlock), card.location))
  if (!title)
    problems.push(problem(file, line, 'entry has no title; a provisional title is made from its summary (provisional_title)'))
  if (!teaser)
    problems.push(problem(file, line, `entry ${quote(title)} has no summary`))
  return problems
}

function cardEntry(file: string, card: Card, hint: string | undefined, url: string | undefined): { entry: ParsedEntry, problems: Problem[] } {
  const title = card.title ? blockText(card.title) : ''
  const teaser = stripEllipsis(card.teaser.map(blockText).join(' '))
  const start = firstLine(card.title ?? card.locationBlock ?? card.teaser[0] ?? EMPTY_BLOCK)
  const location = card.location ?? { country: '', city: '', period: parsePeriod('') }
  const entry: ParsedEntry = {
    kind: 'listing',
    file,
    line: start.n,
    title,
    ...location,
    summary: teaser.text,
    truncated: teaser.truncated,
    paragraphs: [],
    language: resolveLanguage([title, teaser.text].join('\n'), hint),
    ...(url ? { url } : {}),
  }
  return { entry, problems: cardProblems(card, entry) }
}

/** Which cards the page stops inside: the last of an unclosed group, or the last of all when no filter list follows. */
function markPartial(groups: readonly { group: Group, cards: Card[] }[], usesReadMore: boolean, hasFooter: boolean): void {
  const last = groups.at(-1)
  const lastCard = last?.cards.at(-1)
  if (!last || !lastCard)
    return
  if (usesReadMore ? !last.group.closed : !hasFooter)
    lastCard.partial = true
}

function partialProblem(file: string, card: Card): Problem {
  const blocks = [card.title, card.locationBlock, ...card.teaser].filter((b): b is Block => b !== undefined)
  return problem(file, firstLine(blocks[0] ?? EMPTY_BLOCK).n, `partial entry, the page stops inside it; not imported: ${quote(blocks.map(blockText).join(' / '))}`)
}

function urlsFor(file: string, cards: readonly Card[], entryUrls: readonly string[] | undefined, problems: Problem[]): (string | undefined)[] {
  if (!entryUrls)
    return cards.map(() => undefined)
  if (entryUrls.length === cards.length)
    return [...entryUrls]
  problems.push(problem(file, 1, `the page has ${cards.length} cards but ${entryUrls.length} card links; links not used`))
  return cards.map(() => undefined)
}

/** Groups that hold no card: a trailing block of text after the last card is what a cut-off page leaves. */
function strayProblems(file: string, group: Group, stray: readonly Block[], hasCards: boolean): Problem[] {
  if (!hasCards && !group.closed && group.blocks.length > 0) {
    const text = group.blocks.map(blockText).join(' / ')
    return [problem(file, firstLine(group.blocks[0] ?? EMPTY_BLOCK).n, `partial entry, the page stops inside it; not imported: ${quote(text)}`)]
  }
  return stray.map(b => problem(file, firstLine(b).n, `skipped text that is not part of an entry: ${quote(blockText(b))}`))
}

export function parseListing(file: string, lines: readonly Line[], context: ListingContext): ParsedPage {
  const firstReadMore = lines.findIndex(l => isReadMore(l.text))
  const header = splitHeader(file, lines, firstReadMore === -1 ? lines.length : firstReadMore)
  const { content, footer } = splitFooter(header.content)
  const problems: Problem[] = [...header.problems]
  const groups = groupsOf(contentBlocks(content))
  const found = groups.map(group => ({ group, ...cardsOfGroup(group, context.languageHint) }))
  found.forEach(f => problems.push(...strayProblems(file, f.group, f.stray, f.cards.length > 0)))
  markPartial(found, firstReadMore !== -1, footer.some(l => l.text !== ''))

  const cards = found.flatMap(f => f.cards)
  const urls = urlsFor(file, cards, context.entryUrls, problems)
  const entries: ParsedEntry[] = []
  cards.forEach((card, i) => {
    if (card.partial) {
      problems.push(partialProblem(file, card))
      return
    }
    const made = cardEntry(file, card, context.languageHint, urls[i])
    entries.push(made.entry)
    problems.push(...made.problems)
  })
  problems.sort((a, b) => a.line - b.line)
  return { kind: 'listing', entries, problems, ...(header.total !== undefined ? { total: header.total } : {}) }
}
