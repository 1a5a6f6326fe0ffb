import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { check, checkPractice, ManifestSchema, TaxonomySchema, type Practice, type Taxonomy } from '../../src/catalogue/schema'
import { serialisePractice } from '../../tools/import/review'

const PRACTICES = new URL('../../catalogue/practices/', import.meta.url)
const TAXONOMY = new URL('../../catalogue/taxonomy.json', import.meta.url)
/** The UI languages, one per locales/<tag>.json: the taxonomy names each topic in every one of them. */
const UI_LOCALES = readdirSync(new URL('../../locales/', import.meta.url)).filter(f => f.endsWith('.json')).map(f => f.slice(0, -'.json'.length)).sort()

const valid: Practice = {
  id: 'es-bilbao-anti-rumour-web-app',
  slug: 'es-bilbao-anti-rumour-web-app',
  title: 'Anti-Rumour Web App',
  country: 'ES',
  city: 'Bilbao',
  period: { text: 'Since 2014', start: 2014, ongoing: true },
  topics: ['anti-rumour'],
  language: 'en',
  summary: 'A game.',
  body: '## Purpose\n\nA game.',
  sourceUrl: 'https://www.coe.int/en/web/interculturalcities/-/anti-rumour-web-app',
  updatedAt: '2024-01-01T00:00:00.000Z',
}

describe('PracticeSchema', () => {
  it('accepts a valid record, and an unreviewed one without a country', () => {
    expect(checkPractice(valid).ok).toBe(true)
    expect(checkPractice({ ...valid, country: '', review: ['missing_country'] }).ok).toBe(true)
  })

  it.each<[string, Record<string, unknown>]>([
    ['id', { id: 'ES Bilbao' }],
    ['id', { id: '' }],
    ['title', { title: '   ' }],
    ['sourceUrl', { sourceUrl: 'javascript:alert(1)' }],
    ['sourceUrl', { sourceUrl: 'not a url' }],
    ['period', { period: { text: '2020-2015', start: 2020, end: 2015, ongoing: false } }],
    ['period.start', { period: { text: '1850', start: 1850, ongoing: false } }],
    ['country', { country: 'gb' }],
    ['country', { country: 'GBR' }],
    ['language', { language: 'english' }],
    ['language', { language: 'sr-latn' }],
    ['review.0', { review: ['looks_odd'] }],
    ['updatedAt', { updatedAt: 'yesterday' }],
    ['topics.0', { topics: ['Anti Rumour'] }],
  ])('rejects a bad %s', (path, change) => {
    const result = checkPractice({ ...valid, ...change })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues[0]?.path).toBe(path)
      expect(result.issues[0]?.id).toBe(typeof change.id === 'string' ? change.id : valid.id)
    }
  })
})

describe('ManifestSchema', () => {
  const ref = { url: 'taxonomy.json', sha256: 'a'.repeat(64), bytes: 10 }
  const manifest = { format: 1, version: '1', generatedAt: '2024-01-01T00:00:00.000Z', practiceCount: 0, taxonomy: ref, shards: [] }

  it('accepts format 1 and rejects any other', () => {
    expect(check(ManifestSchema, manifest).ok).toBe(true)
    expect(check(ManifestSchema, { ...manifest, format: 2 })).toMatchObject({ ok: false, path: 'format' })
  })

  it('rejects a taxonomy link to another scheme', () => {
    expect(check(ManifestSchema, { ...manifest, taxonomy: { ...ref, url: 'javascript:x' } })).toMatchObject({ ok: false, path: 'taxonomy.url' })
  })
})

describe('the embedded catalogue', () => {
  const files = readdirSync(PRACTICES).filter(f => f.endsWith('.json')).sort()
  const records = files.map(f => ({ file: f, text: readFileSync(new URL(f, PRACTICES), 'utf8') }))
  const taxonomy = JSON.parse(readFileSync(TAXONOMY, 'utf8')) as Taxonomy
  const topicIds = new Set(taxonomy.topics.map(t => t.id))

  it('has the 32 imported practices', () => {
    expect(files).toHaveLength(32)
  })

  it.each(records)('$file is a reviewed, valid record in the importer\'s format', ({ file, text }) => {
    const data: unknown = JSON.parse(text)
    const result = checkPractice(data)
    expect(result.ok ? [] : result.issues).toEqual([])
    if (!result.ok)
      return
    const p = result.practice
    expect(file).toBe(`${p.id}.json`)
    expect(p.review).toBeUndefined()
    expect(p.country).not.toBe('')
    const topics = [...p.topics, ...(p.reviewerTopics ?? [])]
    expect(topics.length).toBeGreaterThanOrEqual(1)
    expect(topics.length).toBeLessThanOrEqual(3)
    expect(new Set(topics).size).toBe(topics.length)
    for (const topic of topics)
      expect(topicIds, `unknown topic ${topic}`).toContain(topic)
    expect(serialisePractice(p)).toBe(text)
  })

  it('has a taxonomy of 22 topics named in every UI language, each in its own script', () => {
    expect(check(TaxonomySchema, taxonomy).ok).toBe(true)
    expect(taxonomy.topics).toHaveLength(22)
    expect(topicIds.size).toBe(22)
    expect(UI_LOCALES).toHaveLength(28)
    for (const topic of taxonomy.topics) {
      expect(Object.keys(topic.names).sort(), topic.id).toEqual(UI_LOCALES)
      expect(topic.names['sr-Cyrl']).toMatch(/^[\p{Script=Cyrillic}\s,]+$/u)
      expect(topic.names['sr-Latn']).toMatch(/^[\p{Script=Latin}\s,]+$/u)
      // A name left in English (a copy instead of a translation) would fail these: each script's letters only.
      for (const tag of ['uk', 'ru'])
        expect(topic.names[tag], `${topic.id} ${tag}`).toMatch(/^[\p{Script=Cyrillic}\s,’-]+$/u)
      expect(topic.names.el, topic.id).toMatch(/^[\p{Script=Greek}\s,]+$/u)
      expect(topic.names.he, topic.id).toMatch(/^[\p{Script=Hebrew}\s,\u05BE]+$/u)
      expect(topic.names.ar, topic.id).toMatch(/^[\p{Script=Arabic}\s,]+$/u)
      expect(topic.names.ko, topic.id).toMatch(/^[\p{Script=Hangul}\s,]+$/u)
    }
    expect(taxonomy.topics.find(t => t.id === 'culture-leisure-heritage')?.names.en).toBe('Culture, Leisure and Heritage')
  })

  it('uses at least 20 of the 22 topics', () => {
    const used = new Set(records.flatMap(r => (JSON.parse(r.text) as Practice)).flatMap(p => [...p.topics, ...(p.reviewerTopics ?? [])]))
    expect(used.size).toBeGreaterThanOrEqual(20)
  })
})
