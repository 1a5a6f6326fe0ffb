/**
 * A practice page → one entry. Layouts seen on the site: the full one (header, notice, Back, title,
 * subtitle, period, text-size and print buttons, body, filter list), content only (Back + title + body, or
 * the body alone opening with "Purpose:"), and the news layout (title, date, buttons, the title again, body).
 */
import { resolveLanguage } from '../../src/catalogue/language'
import { isUnparsedPeriod, parsePeriod } from '../../src/catalogue/period'
import { startsWithSectionLabel } from '../../src/catalogue/body'
import { isBackLink, isChromeLine, isCovidNotice, isIntroParagraph, isToolButton, titleAfterBack } from './boilerplate'
import { blockText, problem, quote, splitFooter, splitHeader, toBlocks, type Line } from './lines'
import { isDateLine, isPeriodLine, parseLocationLine, type Location } from './location'
import type { ParsedEntry, ParsedPage, Problem } from './types'

interface DetailContext {
  languageHint?: string
  url?: string
  /** The page has the site's full layout, so a missing filter list means it was cut off. */
  fullLayout: boolean
}

const MAX_TITLE_CHARS = 300
const BULLET = /^[•·▪◦*]\s+|^[-–]\s+/u

/** What stands between the title and the body. */
interface Meta {
  location?: Location
  locationLine?: Line
  period?: string
  /** The news layout's date under the title: the period only when the page gives no other. */
  date?: Line
  subtitle: string[]
  /** Index of the first body line. */
  bodyStart: number
}

function isTitleLike(text: string): boolean {
  return text.length <= MAX_TITLE_CHARS && !/[.:;,]$/u.test(text) && !startsWithSectionLabel(text)
}

/** Where the title is: after "Back" (on its line or the next), else the first line when it reads as a title. */
function findTitle(lines: readonly Line[]): { title?: Line, next: number, chrome: number[] } {
  const chrome: number[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line || line.text === '')
      continue
    if (isBackLink(line.text)) {
      chrome.push(i)
      continue
    }
    const inline = chrome.length === 0 ? titleAfterBack(line.text) : undefined
    if (inline)
      return { title: { ...line, text: inline }, next: i + 1, chrome }
    return isTitleLike(line.text) ? { title: line, next: i + 1, chrome } : { next: i, chrome }
  }
  return { next: lines.length, chrome }
}

/** Reads the lines after the title up to the body: location, period or date, subtitle, buttons, a repeated title. */
function readMeta(lines: readonly Line[], from: number, title: string): Meta {
  const meta: Meta = { subtitle: [], bodyStart: from }
  const lastButton = lines.reduce((last, l, i) => (i >= from && i < from + 12 && isToolButton(l.text) ? i : last), -1)
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]?.text ?? ''
    const location = meta.location ? undefined : parseLocationLine(text)
    if (text === '' || isToolButton(text) || text === title) {
      meta.bodyStart = i + 1
      continue
    }
    if (location) {
      meta.location = location
      meta.locationLine = lines[i]
    }
    else if (meta.date === undefined && isDateLine(text)) {
      meta.date = lines[i]
    }
    else if (meta.period === undefined && isPeriodLine(text)) {
      meta.period = text
    }
    else if (i < lastButton) {
      meta.subtitle.push(text)
    }
    else {
      break
    }
    meta.bodyStart = i + 1
  }
  return meta
}

/** Body blocks → paragraphs; each bullet of a list becomes its own paragraph, chrome lines go. */
function bodyParagraphs(lines: readonly Line[]): string[] {
  const kept = lines.map(l => (isChromeLine(l.text) ? { ...l, text: '' } : l))
  const paragraphs: string[] = []
  for (const block of toBlocks(kept)) {
    const text = blockText(block)
    if (isIntroParagraph(text) || isCovidNotice(text, false))
      continue
    if (block.lines.some(l => BULLET.test(l.text)))
      paragraphs.push(...block.lines.map(l => l.text.replace(BULLET, '• ')))
    else
      paragraphs.push(text)
  }
  return paragraphs
}

/** Text before the title that is neither chrome nor the notice: reported. */
function preambleProblems(file: string, lines: readonly Line[]): Problem[] {
  return toBlocks(lines.map(l => (isChromeLine(l.text) ? { ...l, text: '' } : l)))
    .filter(b => !isCovidNotice(blockText(b), true) && !isIntroParagraph(blockText(b)))
    .map(b => problem(file, b.lines[0]?.n ?? 0, `text before the practice's title that is not known chrome, not imported: ${quote(blockText(b))}`))
}

function metaProblems(file: string, title: Line | undefined, meta: Meta, paragraphs: readonly string[]): Problem[] {
  const problems: Problem[] = []
  const where = title?.n ?? meta.locationLine?.n ?? 1
  const name = quote(title?.text ?? paragraphs[0] ?? '')
  if (meta.location && meta.locationLine && isUnparsedPeriod(meta.location.period))
    problems.push(problem(file, meta.locationLine.n, `could not read the period ${quote(meta.location.period.text)} (unparsed_period)`))
  if (!title)
    problems.push(problem(file, where, 'practice page shows no title; a provisional title is made from its text (provisional_title)'))
  if (paragraphs.length === 0)
    problems.push(problem(file, where, `practice page ${name} has no text`))
  return problems
}

/** "2018 onwards" printed after the body is the period when none stood under the title. */
function trailingPeriod(paragraphs: string[], meta: Meta): void {
  const last = paragraphs.at(-1)
  if (last !== undefined && meta.period === undefined && !meta.location?.period.text && isPeriodLine(last)) {
    meta.period = last
    paragraphs.pop()
  }
}

function periodOf(meta: Meta): Location {
  const location = meta.location ?? { country: '', city: '', period: parsePeriod('') }
  const text = location.period.text || meta.period || meta.date?.text
  return text ? { ...location, period: parsePeriod(text) } : location
}

/** A date that did not become the period is the news item's publication date: said, not dropped. */
function dateProblems(file: string, meta: Meta): Problem[] {
  if (!meta.date || (!meta.location?.period.text && meta.period === undefined))
    return []
  return [problem(file, meta.date.n, `publication date ${quote(meta.date.text)} not kept: the page gives the practice's period elsewhere`)]
}

export function parseDetail(file: string, lines: readonly Line[], context: DetailContext): ParsedPage {
  const back = lines.findIndex(l => isBackLink(l.text) || titleAfterBack(l.text) !== undefined)
  const header = splitHeader(file, lines, back === -1 ? lines.length : back)
  const { content, footer } = splitFooter(header.content)
  const preambleEnd = back === -1 ? 0 : Math.max(0, content.findIndex(l => l.n === lines[back]?.n))
  const found = findTitle(content.slice(preambleEnd))
  const rest = content.slice(preambleEnd)
  const meta = readMeta(rest, found.next, found.title?.text ?? '')
  const paragraphs = [...meta.subtitle, ...bodyParagraphs(rest.slice(meta.bodyStart))]
  trailingPeriod(paragraphs, meta)
  const cutOff = context.fullLayout && !footer.some(l => l.text !== '')

  const problems = [...header.problems, ...preambleProblems(file, content.slice(0, preambleEnd)),
    ...metaProblems(file, found.title, meta, paragraphs), ...dateProblems(file, meta)]
  if (!meta.location) {
    const name = quote(found.title?.text ?? paragraphs[0] ?? '')
    const where = found.title?.n ?? meta.locationLine?.n ?? 1
    const noPlace = problem(file, where, `practice page ${name} gives no country or city (missing_country, missing_city)`)
    problems.push(context.url ? { ...noPlace, unlessPlaced: context.url } : noPlace)
  }
  if (cutOff)
    problems.push(problem(file, lines.length, 'page ends without its filter list; the text may be cut off (truncated)'))
  if (!found.title && paragraphs.length === 0)
    return { kind: 'detail', entries: [], problems: [problem(file, 1, 'practice page with no title or text; nothing imported')] }

  const title = found.title?.text ?? ''
  const entry: ParsedEntry = {
    kind: 'detail',
    file,
    line: found.title?.n ?? meta.locationLine?.n ?? rest[meta.bodyStart]?.n ?? 1,
    title,
    ...periodOf(meta),
    summary: '',
    truncated: cutOff,
    paragraphs,
    language: resolveLanguage([title, ...paragraphs].join('\n'), context.languageHint),
    ...(context.url ? { url: context.url } : {}),
  }
  return { kind: 'detail', entries: [entry], problems }
}
