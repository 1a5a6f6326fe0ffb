/**
 * One page dump → the practice entries it shows. A listing page shows cards (title / "Country City Period" /
 * teaser / "Read More"); a detail page shows one practice (title / period / buttons / body). Anything the
 * parser cannot place is reported with its file and line, never dropped silently.
 */
import { findCountryPrefix } from '../../src/catalogue/countries'
import { detectLanguage } from '../../src/catalogue/language'
import { isPeriodWord, isUnparsedPeriod, parsePeriod } from '../../src/catalogue/period'
import type { Period } from '../../src/catalogue/schema'
import {
  isBackLink, isBoilerplateLine, isBoilerplateParagraph, isFacetCount, isFacetHeading, isGoodPracticeMarker, isHeaderEnd, isReadMore, isToolButton,
} from './boilerplate'
import type { PageKind, ParsedEntry, ParsedPage, Problem } from './types'

interface Line {
  text: string
  /** 1-based line number in the file. */
  n: number
}

/** Consecutive non-blank lines. */
interface Block {
  lines: Line[]
}

const EMPTY_BLOCK: Block = { lines: [] }

export interface Location {
  country: string
  city: string
  period: Period
}

/** A location line is short: the country, a city of a few words, a period. */
const MAX_LOCATION_WORDS = 14
const MAX_CITY_WORDS = 5

function toLines(text: string): Line[] {
  return text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u).map((raw, i) => ({ text: raw.replace(/\s+/gu, ' ').trim(), n: i + 1 }))
}

function toBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = []
  let current: Line[] = []
  for (const line of lines) {
    if (line.text === '') {
      if (current.length > 0)
        blocks.push({ lines: current })
      current = []
    }
    else {
      current.push(line)
    }
  }
  if (current.length > 0)
    blocks.push({ lines: current })
  return blocks
}

function blockText(block: Block): string {
  return block.lines.map(l => l.text).join(' ')
}

function firstLine(block: Block): Line {
  return block.lines[0] ?? { text: '', n: 0 }
}

/** Splits "Bilbao Since 2014" into city and period: the period is the longest tail that reads as one. */
export function splitCityAndPeriod(words: readonly string[]): { city: string, period: Period } {
  for (let i = 0; i < words.length; i++) {
    const period = parsePeriod(words.slice(i).join(' '))
    if (!isUnparsedPeriod(period))
      return { city: words.slice(0, i).join(' '), period }
  }
  // No tail reads as a period; one that has a number is still a period, just one a person must read.
  let start = words.findIndex(w => /\d/u.test(w))
  if (start === -1)
    return { city: words.join(' '), period: parsePeriod('') }
  while (start > 0 && isPeriodWord(words[start - 1] ?? ''))
    start--
  return { city: words.slice(0, start).join(' '), period: parsePeriod(words.slice(start).join(' ')) }
}

/** "United Kingdom Leeds 2022" → GB / Leeds / 2022; undefined unless the line starts with a country name. */
export function parseLocationLine(text: string): Location | undefined {
  const words = text.split(' ').filter(w => w !== '')
  if (words.length === 0 || words.length > MAX_LOCATION_WORDS || /[.!?:;]$/u.test(text))
    return undefined
  const country = findCountryPrefix(words)
  if (!country)
    return undefined
  const { city, period } = splitCityAndPeriod(words.slice(country.wordCount))
  if (city.split(' ').length > MAX_CITY_WORDS)
    return undefined
  return { country: country.code, city, period }
}

/** A location line whose country we do not know: keep the period, leave country and city for review. */
function parseUnknownLocation(text: string): Location {
  const { period } = splitCityAndPeriod(text.split(' ').filter(w => w !== ''))
  return { country: '', city: '', period }
}

function isPeriodLine(text: string): boolean {
  return text.length <= 60 && !isUnparsedPeriod(parsePeriod(text)) && parsePeriod(text).text !== ''
}

/** Blocks of filter options ("Topic", "0 International outlook", "Year"): the end of the page's content. */
function isFacetBlock(block: Block): boolean {
  const first = firstLine(block).text
  return isFacetHeading(first) || block.lines.every(l => isFacetCount(l.text) || isFacetHeading(l.text))
}

function withoutBoilerplate(blocks: readonly Block[]): Block[] {
  return blocks
    .map(b => ({ lines: b.lines.filter(l => !isBoilerplateLine(l.text)) }))
    .filter(b => b.lines.length > 0 && !isBoilerplateParagraph(blockText(b)))
}

/** The page header runs to the template link ("… Good practices >>"); content starts after it. */
function afterHeader(lines: readonly Line[], before: number): Line[] {
  let end = -1
  lines.forEach((line, i) => {
    if (i < before && isHeaderEnd(line.text))
      end = i
  })
  return lines.slice(end + 1)
}

function stripEllipsis(text: string): { text: string, truncated: boolean } {
  const m = /(?:\.\.\.|…)$/u.exec(text)
  return m ? { text: text.slice(0, m.index).trimEnd(), truncated: true } : { text, truncated: false }
}

function problem(file: string, line: number, message: string): Problem {
  return { file, line, message }
}

function quote(text: string, max = 60): string {
  return `"${text.length > max ? `${text.slice(0, max)}…` : text}"`
}

function entry(fields: Omit<ParsedEntry, 'language'>): ParsedEntry {
  const language = detectLanguage([fields.title, fields.summary, ...fields.paragraphs].join('\n'))
  return { ...fields, language }
}

function locationProblems(file: string, line: Line, location: Location): Problem[] {
  const problems: Problem[] = []
  if (location.country === '')
    problems.push(problem(file, line.n, `no known country at the start of ${quote(line.text)}; country and city left empty (missing_country)`))
  if (isUnparsedPeriod(location.period))
    problems.push(problem(file, line.n, `could not read the period ${quote(location.period.text)} (unparsed_period)`))
  return problems
}

/** Where the parts of a card sit among its blocks. */
interface CardLayout {
  location: Location
  locationBlock?: Block
  /** -1 when the card has no title. */
  titleIndex: number
  summaryStart: number
}

/** Finds the "Country City Period" line: normally the block just before the teaser. */
function cardLayout(blocks: readonly Block[]): CardLayout | undefined {
  const n = blocks.length
  for (const k of [n - 2, n - 1]) {
    const block = blocks[k]
    const location = block && block.lines.length === 1 ? parseLocationLine(firstLine(block).text) : undefined
    if (block && location)
      return { location, locationBlock: block, titleIndex: k - 1, summaryStart: k + 1 }
  }
  if (n >= 3) {
    // Title, location and teaser are all there but the country is unknown: keep the entry, flag it.
    const block = blocks[n - 2] ?? EMPTY_BLOCK
    return { location: parseUnknownLocation(blockText(block)), locationBlock: block, titleIndex: n - 3, summaryStart: n - 1 }
  }
  return undefined
}

/**
 * One card: the blocks between two "Read More" lines. Normally [title, location, teaser]; the title may be
 * missing (an empty title line), and anything before the title is text we do not understand.
 */
function parseCard(file: string, blocks: readonly Block[], readMore: Line): { entry?: ParsedEntry, problems: Problem[] } {
  const problems: Problem[] = []
  if (blocks.length === 0)
    return { problems: [problem(file, readMore.n, '"Read More" with no entry before it')] }

  let layout = cardLayout(blocks)
  if (!layout) {
    const first = blocks[0] ?? EMPTY_BLOCK
    problems.push(problem(file, firstLine(first).n, `entry ${quote(blockText(first))} has no "Country City Period" line; imported without country, city or period`))
    const hasTitle = blocks.length >= 2
    layout = { location: { country: '', city: '', period: parsePeriod('') }, titleIndex: hasTitle ? 0 : -1, summaryStart: hasTitle ? 1 : 0 }
  }
  const { location, locationBlock, titleIndex, summaryStart } = layout
  if (locationBlock)
    problems.push(...locationProblems(file, firstLine(locationBlock), location))
  for (const extra of blocks.slice(0, Math.max(0, titleIndex)))
    problems.push(problem(file, firstLine(extra).n, `skipped text that is not part of an entry: ${quote(blockText(extra))}`))

  const titleBlock = titleIndex >= 0 ? blocks[titleIndex] : undefined
  const title = titleBlock ? blockText(titleBlock) : ''
  const teaser = stripEllipsis(blocks.slice(summaryStart).map(blockText).join(' '))
  const startLine = firstLine(titleBlock ?? locationBlock ?? blocks[0] ?? EMPTY_BLOCK)
  if (!title)
    problems.push(problem(file, startLine.n, 'entry has no title; a provisional title is made from its summary (provisional_title)'))
  if (!teaser.text)
    problems.push(problem(file, startLine.n, `entry ${quote(title)} has no summary`))

  return {
    entry: entry({
      kind: 'listing',
      file,
      line: startLine.n,
      title,
      ...location,
      summary: teaser.text,
      truncated: teaser.truncated,
      paragraphs: [],
    }),
    problems,
  }
}

function parseListing(file: string, lines: readonly Line[], firstReadMore: number): ParsedPage {
  const problems: Problem[] = []
  const entries: ParsedEntry[] = []
  const blocks = withoutBoilerplate(toBlocks(afterHeader(lines, firstReadMore)))
  let card: Block[] = []
  let facets = false
  for (const block of blocks) {
    const first = firstLine(block)
    if (block.lines.length === 1 && isReadMore(first.text)) {
      const parsed = parseCard(file, card, first)
      if (parsed.entry)
        entries.push(parsed.entry)
      problems.push(...parsed.problems)
      card = []
      continue
    }
    if (isFacetBlock(block)) {
      facets = true
      break
    }
    card.push(block)
  }
  if (card.length > 0) {
    const first = firstLine(card[0] ?? EMPTY_BLOCK)
    const where = facets ? 'before the filter list' : 'at the end of the page (page cut off?)'
    problems.push(problem(file, first.n, `incomplete entry ${where}, not imported: ${quote(card.map(blockText).join(' / '))}`))
  }
  return { kind: 'listing', entries, problems }
}

function parseDetail(file: string, lines: readonly Line[], backIndex: number): ParsedPage {
  const problems: Problem[] = []
  const content = backIndex >= 0 ? lines.slice(backIndex + 1) : afterHeader(lines, lines.length)
  const facetStart = content.findIndex(l => isFacetHeading(l.text))
  const cutOff = facetStart === -1
  const body = (cutOff ? content : content.slice(0, facetStart)).filter(l => !isBoilerplateLine(l.text))

  const titleIndex = body.findIndex(l => l.text !== '' && !isBoilerplateParagraph(l.text))
  const titleLine = body[titleIndex]
  if (!titleLine)
    return { kind: 'detail', entries: [], problems: [problem(file, 1, 'practice page with no title or text; nothing imported')] }

  // Between the title and the text: an optional location or period line (buttons were filtered above).
  let location: Location = { country: '', city: '', period: parsePeriod('') }
  let hasLocation = false
  let i = titleIndex + 1
  for (; i < body.length; i++) {
    const line = body[i]
    if (!line || line.text === '')
      continue
    const asLocation = hasLocation ? undefined : parseLocationLine(line.text)
    if (asLocation) {
      location = asLocation
      hasLocation = true
      problems.push(...locationProblems(file, line, location))
    }
    else if (location.period.text === '' && isPeriodLine(line.text)) {
      location = { ...location, period: parsePeriod(line.text) }
    }
    else {
      break
    }
  }
  const paragraphs = toBlocks(body.slice(i)).map(blockText).filter(p => !isBoilerplateParagraph(p))
  if (!hasLocation)
    problems.push(problem(file, titleLine.n, `practice page ${quote(titleLine.text)} gives no country or city (missing_country, missing_city)`))
  if (paragraphs.length === 0)
    problems.push(problem(file, titleLine.n, `practice page ${quote(titleLine.text)} has no text`))
  if (cutOff)
    problems.push(problem(file, lines.length, 'page ends without its filter list; the text may be cut off (truncated)'))

  return {
    kind: 'detail',
    entries: [entry({
      kind: 'detail',
      file,
      line: titleLine.n,
      title: titleLine.text,
      ...location,
      summary: '',
      truncated: cutOff,
      paragraphs,
    })],
    problems,
  }
}

function pageKind(lines: readonly Line[]): { kind: PageKind, readMore: number, back: number } {
  const readMore = lines.findIndex(l => isReadMore(l.text))
  const back = lines.findIndex(l => isBackLink(l.text))
  const marked = lines.some(l => isGoodPracticeMarker(l.text))
  if (!marked)
    return { kind: 'other', readMore, back }
  if (readMore >= 0)
    return { kind: 'listing', readMore, back }
  const hasButtons = lines.some(l => isToolButton(l.text))
  return { kind: back >= 0 || hasButtons ? 'detail' : 'other', readMore, back }
}

/** Reads one page dump. Pure: the file name is only used in problem reports and entry provenance. */
export function parsePage(text: string, fileName: string): ParsedPage {
  const lines = toLines(text)
  const { kind, readMore, back } = pageKind(lines)
  if (kind === 'listing')
    return parseListing(fileName, lines, readMore)
  if (kind === 'detail')
    return parseDetail(fileName, lines, back)
  return {
    kind: 'other',
    entries: [],
    problems: [problem(fileName, 1, 'not a good-practice listing or practice page (news, landing page…?); no practices imported')],
  }
}
