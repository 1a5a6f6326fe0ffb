/**
 * One page's text → the practice entries it shows. Decides what the page is (a listing, a practice page,
 * or something else, refused with a reason) from its chrome, its shape and its URL, then hands it to
 * listing.ts or detail.ts. Anything the parsers cannot place is reported with file and line.
 */
import { startsWithSectionLabel } from '../../src/catalogue/body'
import {
  isBackLink, isGoodPracticeMarker, isHeaderEnd, isNewsHeading, isReadMore, isResultCount, isToolButton, titleAfterBack,
} from './boilerplate'
import { parseDetail } from './detail'
import { blockText, problem, takeUrlLine, toBlocks, toLines, type Line } from './lines'
import { parseListing } from './listing'
import { isDateLine, parseLocationLine } from './location'
import type { PageContext, ParsedPage } from './types'
import { readSourceUrl, type SourceUrlInfo } from './url'

type Verdict = { kind: 'listing' } | { kind: 'detail', fullLayout: boolean } | { kind: 'other', reason: string }

/** The newsroom lists news like cards, but under each title stands a date ("3 October 2022 Cyprus"). */
function isNewsroom(lines: readonly Line[]): boolean {
  const blocks = toBlocks(lines)
  return blocks.some((b, i) => i > 0 && b.lines.length === 1 && isDateLine(blockText(b)) && !parseLocationLine(blockText(b)))
}

function hasCards(lines: readonly Line[]): boolean {
  const blocks = toBlocks(lines)
  return blocks.some((b, i) => i > 0 && b.lines.length === 1 && parseLocationLine(blockText(b)) !== undefined && blocks[i + 1] !== undefined)
}

function listingVerdict(lines: readonly Line[], info: SourceUrlInfo | undefined): Verdict | undefined {
  const readMore = lines.some(l => isReadMore(l.text))
  const counted = lines.some(l => isResultCount(l.text))
  if (!readMore && !counted && info?.kind !== 'listing')
    return undefined
  if (isNewsroom(lines))
    return { kind: 'other', reason: 'the newsroom listing (its entries carry a date, not a country and city)' }
  if (readMore || info?.kind === 'listing' || hasCards(lines))
    return { kind: 'listing' }
  return undefined
}

function detailVerdict(lines: readonly Line[], info: SourceUrlInfo | undefined): Verdict | undefined {
  const marked = lines.some(l => isGoodPracticeMarker(l.text))
  const news = lines.some(l => isNewsHeading(l.text))
  const back = lines.some(l => isBackLink(l.text) || titleAfterBack(l.text) !== undefined)
  const buttons = lines.some(l => isToolButton(l.text))
  const first = lines.find(l => l.text !== '')?.text ?? ''
  if (news && !marked && info?.kind !== 'practice')
    return { kind: 'other', reason: 'a news item' }
  const fullLayout = lines.some(l => isHeaderEnd(l.text) && isGoodPracticeMarker(l.text))
  if (info?.kind === 'practice' || back || (marked && buttons) || startsWithSectionLabel(first))
    return { kind: 'detail', fullLayout }
  if (marked && hasCards(lines))
    return { kind: 'listing' }
  return undefined
}

function verdictOf(lines: readonly Line[], info: SourceUrlInfo | undefined): Verdict {
  if (lines.every(l => l.text === ''))
    return { kind: 'other', reason: 'an empty page' }
  return listingVerdict(lines, info)
    ?? detailVerdict(lines, info)
    ?? { kind: 'other', reason: lines.some(l => isGoodPracticeMarker(l.text)) ? 'a landing page with no practice on it' : 'a page outside the good-practice section (landing page?)' }
}

/**
 * Reads one page. `context.url` (or the dump's `URL:` first line) gives the slug, language and source link;
 * `context.entryUrls` gives a listing's card links in page order. Pure: the file name only labels problems.
 */
export function parsePage(text: string, fileName: string, context: PageContext = {}): ParsedPage {
  const dump = takeUrlLine(toLines(text))
  const url = context.url ?? dump.url
  const info = url ? readSourceUrl(url) : undefined
  const base: Pick<ParsedPage, 'url'> = url ? { url: info?.url ?? url } : {}
  const verdict = verdictOf(dump.lines, info)
  const problems = url && !info ? [problem(fileName, 1, `not an http(s) address: "${url}"; the page is read without it`)] : []
  const languageHint = info?.language

  if (verdict.kind === 'other') {
    const message = `not a good-practice listing or practice page: ${verdict.reason}; no practices imported`
    return { kind: 'other', entries: [], problems: [...problems, problem(fileName, 1, message)], reason: verdict.reason, ...base }
  }
  const page = verdict.kind === 'listing'
    ? parseListing(fileName, dump.lines, { languageHint, entryUrls: context.entryUrls })
    : parseDetail(fileName, dump.lines, { languageHint, url: info?.kind === 'practice' ? info.url : undefined, fullLayout: verdict.fullLayout })
  return { ...page, problems: [...problems, ...page.problems], ...base }
}
