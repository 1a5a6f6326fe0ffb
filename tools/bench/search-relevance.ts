/**
 * The relevance set (tests/fixtures/search-relevance.json): queries written for the embedded catalogue, each
 * with the practices it must find and, where it matters, the one that must come first. Scored for our engine
 * by tests/unit/search-relevance.test.ts (every query must pass) and for ours and the peers by the bench:
 * recall = expected practices found / expected practices, top1 = queries whose expected first is first /
 * queries that name one.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Practice, Taxonomy } from '../../src/catalogue/schema'
import { createAssist } from '../../src/search/assist'
import { buildSegment } from '../../src/search/segmentBuilder'
import { openIndex } from '../../src/search/engine'
import { countryCodeWord, countryNameText, topicNamesOf } from '../../src/search/places'
import { emptyQuery, type QueryContext } from '../../src/search/types'
import { buildFeed, loadEntries, type Problem, validateCatalogue, validateTaxonomy } from '../build-feed'
import { interfaceLanguages } from '../feed/interfaceLanguages'
import { ADAPTERS, PEERS, peerDoc } from './search-peers'

export interface RelevanceQuery {
  kind: string
  query: string
  expect: string[]
  first?: string
}

export interface RelevanceScore {
  recall: number
  top1: number
  /** Queries that missed an expected practice or put another first. */
  failures: { query: string, missing: string[], first?: string, got?: string }[]
}

const ROOT = join(import.meta.dirname, '../..')

export function relevanceSet(): RelevanceQuery[] {
  return (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/search-relevance.json'), 'utf8')) as { queries: RelevanceQuery[] }).queries
}

/** The embedded catalogue as the feed ships it (reviewers' topics folded in), and its taxonomy. */
export function embeddedCatalogue(): { practices: Practice[], taxonomy: Taxonomy } {
  const problems: Problem[] = []
  const entries = loadEntries({ catalogue: join(ROOT, 'catalogue') }, problems)
  const { taxonomy } = validateTaxonomy(JSON.parse(readFileSync(join(ROOT, 'catalogue/taxonomy.json'), 'utf8')), 'taxonomy.json')
  if (!taxonomy || problems.length)
    throw new Error(`The embedded catalogue does not load: ${problems.map(p => p.message).join('; ')}`)
  const { practices } = validateCatalogue(entries, taxonomy, { editorial: true })
  const shipped = buildFeed(practices, taxonomy).files
  const records = [...shipped].filter(([path]) => path.startsWith('feed/shards/')).flatMap(([, text]) => JSON.parse(String(text)) as Practice[])
  return { practices: records, taxonomy }
}

/** Scores a search function (query text → ids, best first) against the set. */
export function scoreRelevance(queries: readonly RelevanceQuery[], search: (text: string) => readonly string[]): RelevanceScore {
  let expected = 0
  let found = 0
  let firsts = 0
  let firstHits = 0
  const failures: RelevanceScore['failures'] = []
  for (const q of queries) {
    const ids = search(q.query)
    const got = new Set(ids)
    const missing = q.expect.filter(id => !got.has(id))
    expected += q.expect.length
    found += q.expect.length - missing.length
    const firstWrong = q.first !== undefined && ids[0] !== q.first
    if (q.first !== undefined) {
      firsts++
      if (!firstWrong)
        firstHits++
    }
    if (missing.length || firstWrong)
      failures.push({ query: q.query, missing, ...(firstWrong ? { first: q.first, got: ids[0] } : {}) })
  }
  return { recall: expected ? found / expected : 1, top1: firsts ? firstHits / firsts : 1, failures }
}

/**
 * Recall and top-1 of our engine (with its query helpers) and of each peer over the relevance set, as bench
 * figures. The peers index the same fields as ours: title, summary (with the city, the country's names and
 * code and the topics' names, which our index holds too) and body, through the adapters of the speed
 * benchmark, so they keep the configuration measured there (our tokeniser, no stemming).
 */
export function relevanceFigures(log: (m: string) => void): Record<string, number> {
  const { practices, taxonomy } = embeddedCatalogue()
  const queries = relevanceSet()
  const figures: Record<string, number> = {}
  const note = (name: string, score: RelevanceScore): void => {
    figures[`${name}.relevance_recall`] = score.recall
    figures[`${name}.relevance_top1`] = score.top1
    log(`relevance ${name}: recall ${score.recall.toFixed(3)}, top1 ${score.top1.toFixed(3)} over ${queries.length} queries (${score.failures.length} failing: ${score.failures.slice(0, 6).map(f => f.query).join(', ')}${score.failures.length > 6 ? '…' : ''})`)
  }
  const index = openIndex([buildSegment(practices, { taxonomy, nameLanguages: interfaceLanguages() })])
  const assist = createAssist(index, taxonomy)
  const ctx: QueryContext = { locale: 'en', currentYear: new Date().getFullYear(), countryName: code => code, wordForms: assist.wordForms }
  note('search', scoreRelevance(queries, text => index.query({ ...emptyQuery(), text }, ctx).ids))

  const topicNames = topicNamesOf(taxonomy)
  const docs = practices.map((p, n) => {
    const doc = peerDoc(p, n)
    const extra = [p.city, p.country ? `${countryNameText(p.country, interfaceLanguages())} ${countryCodeWord(p.country) ?? ''}` : '', ...p.topics.flatMap(t => (topicNames[t] ?? []).map(n => n.name))]
    return { ...doc, summary: [doc.summary, ...extra].join('\n') }
  })
  for (const peer of PEERS) {
    const adapter = ADAPTERS[peer]
    const wrapped = adapter.wrap(adapter.build(docs))
    note(peer, scoreRelevance(queries, text => wrapped.search(text).map(n => practices[n]!.id)))
  }
  return figures
}
