/**
 * HTML → a tree (htmlparser2, chosen by measurement: see README.md) → the page-dump text the importer reads:
 * block elements become paragraphs separated by a blank line, list items "• item" lines (ordered lists
 * "1. item"), headings and buttons lines of their own. Markup is only ever read through the tree.
 */
import { parseDocument } from 'htmlparser2'
import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler'

export type { Document, Element }

/** Never text of the page: code, styling, embedded documents, and the site's menus. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head', 'nav', 'select', 'title'])

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'header', 'hr', 'html', 'main', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr',
])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const LISTS = new Set(['ul', 'ol', 'menu'])

export function parseHtml(html: string): Document {
  return parseDocument(html)
}

/** Hidden by the page itself: its text is not what a reader sees. */
function isHidden(el: Element): boolean {
  return el.attribs.hidden !== undefined || el.attribs['aria-hidden'] === 'true'
}

export function* descendants(node: AnyNode): Generator<Element> {
  if (!('children' in node))
    return
  for (const child of node.children) {
    if (isTag(child)) {
      yield child
      yield* descendants(child)
    }
  }
}

export function hasAncestor(el: Element, test: (ancestor: Element) => boolean): boolean {
  for (let p = el.parent; p && isTag(p); p = p.parent) {
    if (test(p))
      return true
  }
  return false
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

/** The visible text of an element on one line (links, facet names, headings). */
export function inlineText(node: AnyNode): string {
  const parts: string[] = []
  const visit = (n: AnyNode): void => {
    if (isText(n))
      parts.push(n.data)
    else if (isTag(n) && !SKIPPED.has(n.name) && !isHidden(n))
      n.children.forEach(visit)
  }
  visit(node)
  return collapse(parts.join(''))
}

/** Accumulates paragraphs of lines; `inline` is the text of the line being built. */
class TextBuilder {
  readonly paragraphs: string[][] = []
  private lines: string[] = []
  private inline = ''
  private prefix = ''

  add(text: string): void {
    this.inline += text
  }

  /** Ends the current line (a <br>, a list item, a button). */
  line(): void {
    const text = collapse(this.inline)
    this.inline = ''
    if (text !== '') {
      this.lines.push(this.prefix + text)
      this.prefix = ''
    }
  }

  /** The next line is a list item. */
  item(marker: string): void {
    this.line()
    this.prefix = `${marker} `
  }

  paragraph(): void {
    this.line()
    this.prefix = ''
    if (this.lines.length > 0)
      this.paragraphs.push(this.lines)
    this.lines = []
  }
}

interface WalkContext {
  out: TextBuilder
  skip: ReadonlySet<AnyNode>
  /** Inside a list item, blocks only break lines: the item stays one paragraph with its list. */
  inItem: boolean
}

function walkChildren(node: Element | Document, ctx: WalkContext): void {
  let ordinal = 0
  for (const child of node.children) {
    if (isTag(child) && child.name === 'li' && !ctx.skip.has(child) && !isHidden(child)) {
      ordinal++
      ctx.out.item(node.type !== 'root' && (node as Element).name === 'ol' ? `${ordinal}.` : '•')
      walkChildren(child, { ...ctx, inItem: true })
      ctx.out.line()
      continue
    }
    walk(child, ctx)
  }
}

function walk(node: AnyNode, ctx: WalkContext): void {
  if (ctx.skip.has(node))
    return
  if (isText(node)) {
    ctx.out.add(node.data)
    return
  }
  if (!isTag(node)) {
    if (node.type === 'root')
      walkChildren(node, ctx)
    return
  }
  if (SKIPPED.has(node.name) || isHidden(node))
    return
  if (node.name === 'br') {
    ctx.out.line()
    return
  }
  const ownLine = node.name === 'button' || node.name === 'td' || node.name === 'th'
  const block = BLOCKS.has(node.name) || HEADINGS.has(node.name) || LISTS.has(node.name) || node.name === 'li'
  if (!block && !ownLine) {
    walkChildren(node, ctx)
    return
  }
  const breakHere = (): void => (ctx.inItem || ownLine ? ctx.out.line() : ctx.out.paragraph())
  breakHere()
  walkChildren(node, ctx)
  breakHere()
}

interface PageTextOptions {
  /** Subtrees to leave out (the other cards, when one card is read alone). */
  skip?: ReadonlySet<AnyNode>
}

/** The page as a page dump: paragraphs separated by a blank line, lines within a paragraph by a newline. */
export function pageText(root: AnyNode, options: PageTextOptions = {}): string {
  const out = new TextBuilder()
  walk(root, { out, skip: options.skip ?? new Set(), inItem: false })
  out.paragraph()
  return `${out.paragraphs.map(lines => lines.join('\n')).join('\n\n')}\n`
}

/** Every link's resolved address with its element, in page order; links that do not resolve are left out. */
export function links(root: AnyNode, pageUrl: string): { href: string, element: Element }[] {
  const found: { href: string, element: Element }[] = []
  for (const el of descendants(root)) {
    if (el.name !== 'a' || el.attribs.href === undefined)
      continue
    try {
      const url = new URL(el.attribs.href, pageUrl)
      url.hash = ''
      if (url.protocol === 'http:' || url.protocol === 'https:')
        found.push({ href: url.href, element: el })
    }
    catch {
      // An href that is not a URL is no link to follow.
    }
  }
  return found
}
