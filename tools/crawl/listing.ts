/**
 * Reading a listing page's markup: its cards (each one's practice link: the title link or the "Read More"
 * link), the result line ("Showing 21 - 40 of 363 results", in any language), and the filter lists of
 * links (the Topic filter among them).
 */
import { isTag } from 'domhandler'
import { isReadMore } from '../import/boilerplate'
import { descendants, hasAncestor, inlineText, links, pageText, type Document, type Element } from './html'

interface ListingCard {
  /** The practice page's address as the card links it. */
  url: string
  /** The card's element: the largest one around its links that holds no other card's link. */
  element: Element
}

interface ResultLine {
  first: number
  last: number
  total: number
}

export interface LinkList {
  /** The nearest heading before the list ("Topic", "Thème"…). */
  heading: string
  links: { name: string, href: string }[]
}

interface Listing {
  cards: ListingCard[]
  result?: ResultLine
  linkLists: LinkList[]
}

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const LIST_TAGS = new Set(['ul', 'ol'])

/** A card links its practice from its title (a heading) or its "Read More" link; filter and pager links are neither. */
function isCardLink(el: Element): boolean {
  if (hasAncestor(el, a => LIST_TAGS.has(a.name)))
    return false
  return isReadMore(inlineText(el)) || hasAncestor(el, a => HEADING_TAGS.has(a.name))
}

function cardElement(link: Element, hrefOf: Map<Element, string>, href: string): Element {
  let card = link
  for (let p = card.parent; p && isTag(p) && p.name !== 'body'; p = p.parent) {
    const others = [...descendants(p)].some(el => hrefOf.has(el) && hrefOf.get(el) !== href)
    if (others)
      break
    card = p
  }
  return card
}

export function readCards(doc: Document, pageUrl: string): ListingCard[] {
  const cardLinks = links(doc, pageUrl).filter(l => isCardLink(l.element))
  const hrefOf = new Map(cardLinks.map(l => [l.element, l.href]))
  const cards: ListingCard[] = []
  for (const { href, element } of cardLinks) {
    if (!cards.some(c => c.url === href))
      cards.push({ url: href, element: cardElement(element, hrefOf, href) })
  }
  return cards
}

const RESULT = /^\D*?(\d+)\s*[-–]\s*(\d+)\D+?(\d+)\D*$/u

/**
 * The result line, whatever the language: a short line with exactly "a - b … n" where a ≤ b ≤ n. When
 * several lines qualify, the one starting at `expectedFirst` (known from delta and start) wins.
 */
export function readResultLine(text: string, expectedFirst: number): ResultLine | undefined {
  const candidates: ResultLine[] = []
  for (const line of text.split('\n')) {
    const m = line.length <= 120 ? RESULT.exec(line) : null
    if (!m)
      continue
    const [first, last, total] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (first >= 1 && first <= last && last <= total)
      candidates.push({ first, last, total })
  }
  return candidates.find(c => c.first === expectedFirst) ?? candidates.at(-1)
}

/** "12 Neighbourhood" or "Neighbourhood (12)" → "Neighbourhood": a facet's count is not part of its name. */
function facetName(text: string): string {
  return text.replace(/^\d+\s+/u, '').replace(/\s*\(\d+\)$/u, '').replace(/\s+\d+$/u, '').trim()
}

/** Lists whose items are each one link: the filter lists, among them the Topic filter. */
export function readLinkLists(doc: Document, pageUrl: string): LinkList[] {
  const lists: LinkList[] = []
  // Document order, so each list gets the last heading before it.
  let heading = ''
  for (const el of descendants(doc)) {
    if (HEADING_TAGS.has(el.name))
      heading = inlineText(el)
    if (!LIST_TAGS.has(el.name))
      continue
    const items = el.children.filter(isTag).filter(c => c.name === 'li')
    const itemLinks = items.map(item => links(item, pageUrl))
    if (items.length < 2 || itemLinks.some(l => l.length !== 1))
      continue
    lists.push({ heading, links: itemLinks.map(l => ({ name: facetName(inlineText(l[0]!.element)), href: l[0]!.href })) })
  }
  return lists
}

export function readListing(doc: Document, pageUrl: string, expectedFirst: number): Listing {
  return {
    cards: readCards(doc, pageUrl),
    result: readResultLine(pageText(doc), expectedFirst),
    linkLists: readLinkLists(doc, pageUrl),
  }
}
