import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ManifestSchema, check } from '../../src/catalogue/schema'
import { buildFeed, main, validateCatalogue } from '../../tools/build-feed'
import { shardCountFor, shardOf } from '../../tools/feed/shard'
import { makePractice, makePractices, makeTaxonomy } from '../fixtures/feeds/practices'

const FIXTURE_CATALOGUE = new URL('../fixtures/feeds/catalogue', import.meta.url).pathname

function sha(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex')
}

function shardFiles(files: Map<string, Uint8Array | string>): Map<string, Uint8Array | string> {
  return new Map([...files].filter(([path]) => path.startsWith('feed/shards/')))
}

describe('buildFeed', () => {
  it('gives byte-identical files and the same version for the same input, in any order', () => {
    const practices = makePractices(1200)
    const a = buildFeed(practices, makeTaxonomy())
    const b = buildFeed([...practices].reverse(), makeTaxonomy())
    expect(a.manifest.version).toBe(b.manifest.version)
    expect([...a.files.keys()].sort()).toEqual([...b.files.keys()].sort())
    for (const [path, data] of a.files)
      expect(b.files.get(path), path).toEqual(data)
  })

  it('writes a manifest that passes the schema, with hashes, sizes and counts that match the files', () => {
    const feed = buildFeed(makePractices(1200), makeTaxonomy(), { buildSegment: ps => new TextEncoder().encode(ps.map(p => p.id).join('\n')) })
    const parsed = check(ManifestSchema, JSON.parse(feed.files.get('feed/manifest.json') as string))
    expect(parsed.ok).toBe(true)
    expect(feed.manifest.shards).toHaveLength(shardCountFor(1200))
    expect(feed.manifest.shards).toHaveLength(4)
    expect(feed.manifest.practiceCount).toBe(1200)
    expect(feed.manifest.shards.reduce((s, r) => s + r.count, 0)).toBe(1200)
    for (const ref of [...feed.manifest.shards, feed.manifest.taxonomy, ...feed.manifest.searchIndex!]) {
      const data = feed.files.get(`feed/${ref.url}`)!
      expect(sha(data)).toBe(ref.sha256)
      expect(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength).toBe(ref.bytes)
      expect(ref.url).toContain(ref.sha256.slice(0, 16))
    }
    expect(feed.manifest.searchIndex).toHaveLength(4)
    // Each shard holds exactly the ids that hash to it, sorted.
    feed.manifest.shards.forEach((ref, i) => {
      const ids = (JSON.parse(feed.files.get(`feed/${ref.url}`) as string) as Array<{ id: string }>).map(p => p.id)
      expect(ids).toEqual([...ids].sort())
      expect(ids.every(id => shardOf(id, 4) === i)).toBe(true)
    })
  })

  it('takes generatedAt from the newest practice, never the clock', () => {
    const practices = [makePractice(1, { updatedAt: '2023-02-01T00:00:00Z' }), makePractice(2, { updatedAt: '2024-06-30T12:00:00+02:00' })]
    vi.useFakeTimers({ now: new Date('2030-01-01') })
    try {
      expect(buildFeed(practices, makeTaxonomy()).manifest.generatedAt).toBe('2024-06-30T10:00:00.000Z')
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('changes exactly one shard file when one practice changes', () => {
    const practices = makePractices(2000)
    const before = buildFeed(practices, makeTaxonomy())
    const edited = practices.map(p => (p.id === practices[777]!.id ? { ...p, summary: 'Edited.', updatedAt: '2025-01-01T00:00:00Z' } : p))
    const after = buildFeed(edited, makeTaxonomy())
    const oldShards = shardFiles(before.files)
    const newShards = shardFiles(after.files)
    expect(newShards.size).toBe(oldShards.size)
    expect([...newShards.keys()].filter(k => !oldShards.has(k))).toHaveLength(1)
    expect(after.manifest.version).not.toBe(before.manifest.version)
    expect(after.manifest.taxonomy).toEqual(before.manifest.taxonomy)
  })

  it('drops importer review flags from the shipped records', () => {
    const feed = buildFeed([makePractice(1, { review: ['missing_city'] })], makeTaxonomy())
    const text = feed.files.get(`feed/${feed.manifest.shards[0]!.url}`) as string
    expect(text).not.toContain('review')
  })

  it('ships the site\'s topics and a reviewer\'s as one list, once each', () => {
    const feed = buildFeed([makePractice(1, { topics: ['anti-rumour', 'education'], reviewerTopics: ['education', 'refugees'] })], makeTaxonomy())
    const [shipped] = JSON.parse(feed.files.get(`feed/${feed.manifest.shards[0]!.url}`) as string) as Array<Record<string, unknown>>
    expect(shipped?.topics).toEqual(['anti-rumour', 'education', 'refugees'])
    expect(shipped).not.toHaveProperty('reviewerTopics')
  })
})

describe('validateCatalogue', () => {
  it('reports every problem with its file, field path and reason', () => {
    const taxonomy = makeTaxonomy()
    const badPeriod = { ...makePractice(1), period: { text: 'x', start: 1800, ongoing: false } }
    const { problems, practices } = validateCatalogue([
      { file: 'practices/city-00001-practice.json', data: badPeriod, expectedId: 'city-00001-practice' },
      { file: 'practices/wrong-name.json', data: makePractice(2), expectedId: 'wrong-name' },
      { file: 'practices/city-00003-practice.json', data: makePractice(3, { topics: ['no-such-topic'] }), expectedId: 'city-00003-practice' },
      { file: 'practices/city-00004-practice.json', data: makePractice(4, { country: '', review: ['missing_country'] }), expectedId: 'city-00004-practice' },
      { file: 'practices/dup.json', data: makePractice(5) },
      { file: 'practices/dup2.json', data: makePractice(5) },
      { file: 'practices/ok.json', data: makePractice(6) },
    ], taxonomy)
    const lines = problems.map(p => `${p.file}: ${p.path}: ${p.message}`)
    expect(lines).toContainEqual(expect.stringMatching(/^practices\/city-00001-practice\.json: period\.start: /))
    expect(lines).toContainEqual(expect.stringMatching(/^practices\/wrong-name\.json: id: .*city-00002-practice\.json/))
    expect(lines).toContainEqual('practices/city-00003-practice.json: topics.0: unknown topic id "no-such-topic" (not in taxonomy.json)')
    expect(lines).toContainEqual(expect.stringMatching(/^practices\/city-00004-practice\.json: review: /))
    expect(lines).toContainEqual('practices/city-00004-practice.json: country: must not be empty')
    expect(lines).toContainEqual(expect.stringMatching(/^practices\/dup2\.json: id: duplicate id/))
    expect(practices.map(p => p.id)).toEqual(['city-00005-practice', 'city-00006-practice'])
  })

  it('skips the editorial rules (review flags, country) for synthetic input only', () => {
    const entries = [{ file: 'synth.json[0]', data: makePractice(1, { country: '', review: ['missing_country'] }) }]
    expect(validateCatalogue(entries, makeTaxonomy()).problems.map(p => p.path).sort()).toEqual(['country', 'review'])
    expect(validateCatalogue(entries, makeTaxonomy(), { editorial: false }).problems).toEqual([])
  })
})

describe('build-feed command', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0))
      rmSync(d, { recursive: true, force: true })
    vi.restoreAllMocks()
  })
  const temp = () => {
    const d = mkdtempSync(join(tmpdir(), 'build-feed-'))
    dirs.push(d)
    return d
  }

  it('writes the feed of a valid catalogue', async () => {
    const out = temp()
    vi.spyOn(console, 'log').mockImplementation(() => {})
    expect(await main(['--catalogue', FIXTURE_CATALOGUE, '--out', out, '--no-index'])).toBe(0)
    const manifest = JSON.parse(readFileSync(join(out, 'feed/manifest.json'), 'utf8')) as { practiceCount: number, generatedAt: string, shards: Array<{ url: string }> }
    expect(manifest.practiceCount).toBe(2)
    expect(manifest.generatedAt).toBe('2024-05-02T08:30:00.000Z')
    expect(readdirSync(join(out, 'feed/shards'))).toEqual([manifest.shards[0]!.url.replace('shards/', '')])
  })

  it('fails with exit 1 naming the file, the field and the reason, and writes nothing', async () => {
    const catalogue = temp()
    const out = temp()
    mkdirSync(join(catalogue, 'practices'))
    writeFileSync(join(catalogue, 'taxonomy.json'), JSON.stringify(makeTaxonomy()))
    writeFileSync(join(catalogue, 'practices', 'city-00001-practice.json'), JSON.stringify({ ...makePractice(1), updatedAt: 'yesterday' }))
    writeFileSync(join(catalogue, 'practices', 'city-00002-practice.json'), JSON.stringify(makePractice(2, { topics: ['unknown-topic'] })))
    writeFileSync(join(catalogue, 'practices', 'broken.json'), '{ "id": ')
    const errors: string[] = []
    vi.spyOn(console, 'error').mockImplementation((m: string) => { errors.push(m) })
    expect(await main(['--catalogue', catalogue, '--out', out])).toBe(1)
    expect(errors).toContainEqual(expect.stringMatching(/city-00001-practice\.json: updatedAt: must be an ISO 8601 timestamp/))
    expect(errors).toContainEqual(expect.stringMatching(/city-00002-practice\.json: topics\.0: unknown topic id "unknown-topic"/))
    expect(errors).toContainEqual(expect.stringMatching(/broken\.json: \(file\): not readable JSON/))
    expect(readdirSync(out)).toEqual([])
  })

  it('publishes a fresh crawl\'s unreviewed records only when asked to, and says how many', async () => {
    const catalogue = temp()
    mkdirSync(join(catalogue, 'practices'))
    writeFileSync(join(catalogue, 'taxonomy.json'), JSON.stringify(makeTaxonomy()))
    writeFileSync(join(catalogue, 'practices', 'city-00001-practice.json'), JSON.stringify(makePractice(1, { review: ['missing_period'] })))
    writeFileSync(join(catalogue, 'practices', 'city-00002-practice.json'), JSON.stringify(makePractice(2)))
    vi.spyOn(console, 'log').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const warnings: string[] = []
    vi.spyOn(console, 'warn').mockImplementation((m: string) => { warnings.push(m) })
    expect(await main(['--catalogue', catalogue, '--out', temp(), '--no-index'])).toBe(1)
    const out = temp()
    expect(await main(['--catalogue', catalogue, '--out', out, '--no-index', '--unreviewed'])).toBe(0)
    expect(warnings).toContainEqual(expect.stringMatching(/1 practice\(s\) still flagged for review/))
    const manifest = JSON.parse(readFileSync(join(out, 'feed/manifest.json'), 'utf8')) as { practiceCount: number }
    expect(manifest.practiceCount).toBe(2)
  })
})
