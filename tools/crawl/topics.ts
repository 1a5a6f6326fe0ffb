/**
 * The site's Topic filter → taxonomy ids, through the topic names in catalogue/taxonomy.json (any language).
 * The filter is recognised by its links' names, not by its heading, so it is found in every site language.
 */
import type { Taxonomy } from '../../src/catalogue/schema'
import type { LinkList } from './listing'

/** Accents, case and punctuation do not tell topics apart: "Culture, loisirs et patrimoine" = "culture loisirs et patrimoine". */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

type TopicNames = ReadonlyMap<string, string>

export function topicNames(taxonomy: Taxonomy): TopicNames {
  const names = new Map<string, string>()
  for (const topic of taxonomy.topics) {
    for (const name of Object.values(topic.names))
      names.set(foldName(name), topic.id)
  }
  return names
}

interface TopicLink {
  name: string
  href: string
  /** Undefined when the taxonomy has no topic of that name. */
  id?: string
}

/** The list whose links are mostly known topic names; undefined when the page shows no Topic filter. */
export function findTopicFilter(lists: readonly LinkList[], names: TopicNames): TopicLink[] | undefined {
  let best: { list: LinkList, known: number } | undefined
  for (const list of lists) {
    const known = list.links.filter(l => names.has(foldName(l.name))).length
    if (known * 2 >= list.links.length && known > 0 && (!best || known > best.known))
      best = { list, known }
  }
  return best?.list.links.map((l) => {
    const id = names.get(foldName(l.name))
    return { name: l.name, href: l.href, ...(id ? { id } : {}) }
  })
}

/** Taxonomy order, so a practice's topics read the same in every run. */
export function orderTopics(ids: Iterable<string>, taxonomy: Taxonomy): string[] {
  const wanted = new Set(ids)
  return taxonomy.topics.map(t => t.id).filter(id => wanted.has(id))
}
