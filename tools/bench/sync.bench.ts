/**
 * Sync benchmarks, in headless Chromium against a static server:
 *   sync.cold_10k_ms        syncCatalogue into an empty database (median of 3)
 *   sync.bare_idb_10k_ms    fetch + parse + one bulkPut of the same rows and texts (median of 3): the floor
 *   sync.cold_over_bare     the ratio of the two (goal ≤ 1.3)
 *   sync.one_changed_bytes  bytes a re-sync downloads after one practice changed (manifest + shard + segment)
 *   sync.one_changed_ms
 * --quick: 2,000 practices.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Practice, Taxonomy } from '../../src/catalogue/schema'
import { buildFeed, type BuildSegment, type BuiltFeed } from '../build-feed'
import { launchChromium } from '../chromium'
import { serveStatic } from '../serve'
import type { BenchGroup } from './types'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../..')
const outDir = join(repo, '.cache/bench-sync')

/** Deterministic pseudo-random numbers (mulberry32), so every run syncs the same feed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = 'city intercultural neighbourhood residents migrants dialogue school mediators council volunteers rumours housing participation festival library sport women youth integration diversity inclusion network training municipal project community culture language education employment public space'.split(' ')
const TOPICS = ['anti-rumours', 'education', 'housing', 'participation', 'public-space', 'employment', 'culture', 'health', 'sport', 'youth']

/** Realistic sizes when tools/synth.ts is not there: bodies of 300-800 words, summaries of ~40. */
function localPractices(count: number, seed: number): Practice[] {
  const rnd = prng(seed)
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]!).join(' ')
  return Array.from({ length: count }, (_, i) => {
    const id = `zz-city-${i}-practice-${Math.floor(rnd() * 1e6)}`
    const start = 1995 + Math.floor(rnd() * 28)
    const paragraphs = Array.from({ length: 6 }, () => words(50 + Math.floor(rnd() * 84)))
    return {
      id,
      slug: id,
      title: words(4 + Math.floor(rnd() * 6)),
      country: ['ES', 'PT', 'NO', 'IT', 'FR', 'DE', 'UA', 'GB'][i % 8]!,
      city: `City ${i % 400}`,
      period: { text: `Since ${start}`, start, ongoing: true },
      topics: [TOPICS[i % TOPICS.length]!, TOPICS[(i * 7 + 3) % TOPICS.length]!],
      language: 'en',
      summary: words(30 + Math.floor(rnd() * 20)),
      body: paragraphs.join('\n\n'),
      sourceUrl: `https://example.org/practice/${i}`,
      updatedAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
    }
  })
}

async function practicesFor(count: number, log: (m: string) => void): Promise<Practice[]> {
  const synthPath = join(repo, 'tools/synth.ts')
  if (existsSync(synthPath)) {
    try {
      const mod = await import(new URL(`file://${synthPath}`).href) as { synthPractices?: (count: number, seed: number) => Practice[] }
      if (typeof mod.synthPractices === 'function')
        return mod.synthPractices(count, 42)
    }
    catch (error) {
      log(`tools/synth.ts did not load (${String(error)}); using the local generator`)
    }
  }
  return localPractices(count, 42)
}

async function segmentBuilder(log: (m: string) => void): Promise<BuildSegment | undefined> {
  try {
    const mod = await import(new URL(`file://${join(repo, 'src/search/index.ts')}`).href) as { buildSegment?: BuildSegment }
    return mod.buildSegment
  }
  catch (error) {
    log(`no search segments (src/search/index.ts: ${String(error)})`)
    return undefined
  }
}

function taxonomyOf(practices: readonly Practice[]): Taxonomy {
  const ids = [...new Set(practices.flatMap(p => p.topics))].sort()
  return { topics: ids.map(id => ({ id, names: { en: id } })) }
}

function writeFeed(feed: BuiltFeed): void {
  // Immutable files accumulate (as on a real server); only the manifest is replaced.
  for (const [path, data] of feed.files) {
    const target = join(outDir, path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, data)
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const group: BenchGroup = {
  name: 'sync',
  description: 'cold sync vs a bare IndexedDB write, and an incremental re-sync, in headless Chromium',
  async run(ctx) {
    const count = ctx.quick ? 2_000 : 10_000
    const runs = 3
    const practices = await practicesFor(count, ctx.log)
    const buildSegment = await segmentBuilder(ctx.log)
    const taxonomy = taxonomyOf(practices)
    const feed = buildFeed(practices, taxonomy, buildSegment ? { buildSegment } : {})
    const feedBytes = [...feed.files.values()].reduce((s, d) => s + (typeof d === 'string' ? Buffer.byteLength(d) : d.byteLength), 0)
    ctx.log(`feed: ${count} practices, ${feed.manifest.shards.length} shards, ${(feedBytes / 1e6).toFixed(1)} MB${buildSegment ? ' with search segments' : ''}`)

    const { build } = await import('vite')
    rmSync(outDir, { recursive: true, force: true })
    await build({
      root: join(here, 'pages'),
      configFile: false,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, minify: true, rollupOptions: { input: { sync: join(here, 'pages/sync.html') } } },
    })
    writeFeed(feed)

    const server = await serveStatic(outDir)
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      page.on('pageerror', e => ctx.log(`page error: ${e.message}`))
      await page.goto(`${server.url}/sync.html`)
      await page.waitForFunction(() => 'syncBench' in window)

      const cold: number[] = []
      const bare: number[] = []
      // Interleaved, after one warm-up of each, so both see the same HTTP cache and disk state.
      for (let i = 0; i <= runs; i++) {
        const b = await page.evaluate(() => window.syncBench.bare('bench-bare'))
        const c = await page.evaluate(() => window.syncBench.cold('bench-cold'))
        if (c.status !== 'updated')
          throw new Error(`cold sync did not update: ${c.status} ${c.detail}`)
        if (i > 0) {
          bare.push(b.ms)
          cold.push(c.ms)
        }
        ctx.log(`${i === 0 ? 'warm-up' : `run ${i}`}: cold ${c.ms.toFixed(0)} ms (${(c.bytes / 1e6).toFixed(1)} MB), bare ${b.ms.toFixed(0)} ms`)
      }
      await page.evaluate(() => window.syncBench.drop('bench-bare'))

      const target = practices[Math.floor(practices.length / 3)]!
      const edited = practices.map(p => (p.id === target.id ? { ...p, summary: `${p.summary} (edited)`, updatedAt: '2030-01-01T00:00:00.000Z' } : p))
      writeFeed(buildFeed(edited, taxonomy, buildSegment ? { buildSegment } : {}))
      const re = await page.evaluate(() => window.syncBench.resync('bench-cold'))
      if (re.status !== 'updated' || re.updated !== 1)
        throw new Error(`re-sync after one change: ${re.status}, ${re.updated} updated`)
      await page.evaluate(() => window.syncBench.drop('bench-cold'))

      const coldMs = median(cold)
      const bareMs = median(bare)
      ctx.log(`cold/bare = ${(coldMs / bareMs).toFixed(2)} (goal ≤ 1.3); one change: ${re.bytes} bytes in ${re.ms.toFixed(0)} ms`)
      const suffix = ctx.quick ? '2k' : '10k'
      return {
        [`cold_${suffix}_ms`]: coldMs,
        [`bare_idb_${suffix}_ms`]: bareMs,
        cold_over_bare: coldMs / bareMs,
        one_changed_bytes: re.bytes,
        one_changed_ms: re.ms,
      }
    }
    finally {
      await browser.close()
      await server.close()
    }
  },
}

export default group
