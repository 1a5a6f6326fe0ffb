/**
 * The first screen of a built feed (see src/catalogue/firstScreen.ts), and the HTML data block that carries
 * it in index.html. The order comes from the app's own search engine, opened on the feed's own index
 * segments, so the embedded cards are exactly the first cards the app lists once the feed is synced.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIRST_SCREEN_ELEMENT_ID, type CardFields, type FirstScreen } from '../src/catalogue/firstScreen'
import type { Manifest, Practice, Taxonomy } from '../src/catalogue/schema'
import { openIndex } from '../src/search/engine'

/** Enough cards to fill a tablet's first screen; the rest of the list follows the first sync. */
export const FIRST_SCREEN_CARDS = 8

/**
 * The first screen of the feed in `feedDir` (the directory holding manifest.json), for lists shown in
 * `year`; undefined when there is no feed there or it ships no search index.
 */
export function firstScreenOf(feedDir: string, year: number, cards = FIRST_SCREEN_CARDS): FirstScreen | undefined {
  const manifestFile = join(feedDir, 'manifest.json')
  if (!existsSync(manifestFile))
    return undefined
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
  if (!manifest.searchIndex?.length)
    return undefined
  const index = openIndex(manifest.searchIndex.map(ref => new Uint8Array(readFileSync(join(feedDir, ref.url)))))
  const result = index.query(
    { text: '', topic: [], country: [], city: [], year: [], language: [], sort: 'relevance' },
    // The unfiltered list comes newest first, ties by title key: neither collation nor country names apply.
    { locale: 'en', currentYear: year, countryName: code => code },
  )
  const first = result.ids.slice(0, cards)
  const byId = new Map<string, Practice>()
  for (const shard of manifest.shards) {
    for (const practice of JSON.parse(readFileSync(join(feedDir, shard.url), 'utf8')) as Practice[])
      byId.set(practice.id, practice)
  }
  const practices = first.map((id): CardFields => {
    const p = byId.get(id)
    if (!p)
      throw new Error(`The search index lists "${id}", which no shard of ${feedDir} holds`)
    return { id: p.id, title: p.title, city: p.city, country: p.country, period: p.period, topics: p.topics, language: p.language, summary: p.summary }
  })
  const used = new Set(practices.flatMap(p => p.topics))
  const taxonomy = JSON.parse(readFileSync(join(feedDir, manifest.taxonomy.url), 'utf8')) as Taxonomy
  return { version: manifest.version, year, total: result.total, practices, topics: taxonomy.topics.filter(t => used.has(t.id)) }
}

/**
 * The data block for index.html. Catalogue text is untrusted: every "<" is escaped, so no text can close the
 * element ("</script>") or open a comment in it; JSON.parse reads the escape back.
 */
export function firstScreenBlock(screen: FirstScreen): string {
  const json = JSON.stringify(screen).replaceAll('<', '\\u003c')
  return `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">${json}</script>`
}
