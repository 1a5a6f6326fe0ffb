/**
 * A page's text as numbered lines and blocks, and the parts every page shares: the `URL:` line of a dump,
 * the header (address, intro, template link) and the filter list at its foot. Every line ends up placed,
 * known as chrome, or in `problems`.
 */
import { readResultCount } from './chrome'
import {
  isAddressLine, isChromeLine, isCovidNotice, isFacetCount, isFacetHeading, isGoodPracticeMarker, isHeaderEnd, isIntroParagraph, isSiteTitle,
} from './boilerplate'
import { isPeriodLine } from './location'
import type { Problem } from './types'

export interface Line {
  text: string
  /** 1-based line number in the file. */
  n: number
}

/** Consecutive non-blank lines. */
export interface Block {
  lines: Line[]
}

export const EMPTY_BLOCK: Block = { lines: [] }

export function toLines(text: string): Line[] {
  return text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u).map((raw, i) => ({ text: raw.replace(/\s+/gu, ' ').trim(), n: i + 1 }))
}

export function toBlocks(lines: readonly Line[]): Block[] {
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

export function blockText(block: Block): string {
  return block.lines.map(l => l.text).join(' ')
}

export function firstLine(block: Block): Line {
  return block.lines[0] ?? { text: '', n: 0 }
}

export function problem(file: string, line: number, message: string): Problem {
  return { file, line, message }
}

export function quote(text: string, max = 60): string {
  return `"${text.length > max ? `${text.slice(0, max)}…` : text}"`
}

/** A dump may open with `URL: https://…`, the address it was taken from. */
export function takeUrlLine(lines: readonly Line[]): { url?: string, lines: Line[] } {
  const index = lines.findIndex(l => l.text !== '')
  const match = /^URL:\s*(\S+)$/iu.exec(lines[index]?.text ?? '')
  if (!match?.[1])
    return { lines: [...lines] }
  return { url: match[1], lines: lines.map((l, i) => (i === index ? { ...l, text: '' } : l)) }
}

/** What the filter list may hold: a heading, "0 International outlook", or a short option ("Spain", "2019"). */
function isFilterOption(text: string): boolean {
  return text.length <= 80 && !/[.!?…:;]$/u.test(text)
}

/**
 * The filter list at the foot of a page: the longest tail of short option lines that starts with a filter
 * heading or a facet count. A body line that happens to read "Topic" is not a tail, so it never ends a page.
 */
export function splitFooter(lines: readonly Line[]): { content: Line[], footer: Line[] } {
  let start = lines.length
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]?.text ?? ''
    if (text === '')
      continue
    if (!isFilterOption(text) && !isFacetHeading(text))
      break
    // "2018 onwards" has the shape of a facet count but is a practice's period.
    if (isFacetHeading(text) || (isFacetCount(text) && !isPeriodLine(text)))
      start = i
  }
  return { content: lines.slice(0, start), footer: lines.slice(start) }
}

interface Header {
  /** Lines after the header. */
  content: Line[]
  problems: Problem[]
  /** From a result-count line ("Showing 1 - 20 of 363 results"), wherever it stands. */
  total?: number
}

function isHeaderChrome(text: string): boolean {
  return isChromeLine(text) || isIntroParagraph(text) || isCovidNotice(text, true) || isHeaderEnd(text)
}

/** The header runs to the template link ("… Good practices >>"), or over the leading chrome when there is none. */
function headerLength(lines: readonly Line[], before: number): number {
  let end = -1
  lines.forEach((line, i) => {
    if (i < before && isHeaderEnd(line.text) && isGoodPracticeMarker(line.text))
      end = i
  })
  if (end >= 0)
    return end + 1
  let i = 0
  while (i < before && (lines[i]?.text === '' || isHeaderChrome(lines[i]?.text ?? '')))
    i++
  return i
}

/** Splits off the header, reporting any header line that is not known chrome. */
export function splitHeader(file: string, lines: readonly Line[], before: number): Header {
  const length = headerLength(lines, before)
  const problems: Problem[] = []
  for (const line of lines.slice(0, length)) {
    if (line.text !== '' && !isHeaderChrome(line.text) && !isAddressLine(line.text) && !isSiteTitle(line.text))
      problems.push(problem(file, line.n, `text in the page header that is not known chrome, not imported: ${quote(line.text)}`))
  }
  const total = lines.map(l => readResultCount(l.text)?.total).find(t => t !== undefined)
  return { content: lines.slice(length), problems, ...(total !== undefined ? { total } : {}) }
}
