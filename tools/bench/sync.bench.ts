/**
 * Sync benchmarks, in headless Chromium against a static server:
 *   sync.cold_10k_ms        syncCatalogue into an empty database (median of 3)
 *   sync.bare_idb_10k_ms    fetch + parse + one bulkPut of the same rows and texts (median of 3): the floor
 *   sync.cold_over_bare     the ratio of the two (goal ≤ 1.3)
 *   sync.one_changed_bytes  bytes a re-sync downloads after one practice changed (manifest + shard + segment)
 *   sync.one_changed_ms
 * --quick: 2,000 practices.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Practice, Taxonomy } from '../../src/catalogue/schema'
import { buildSegment } from '../../src/search/segmentBuilder.ts'
import { buildFeed, type BuiltFeed } from '../build-feed'
import { synthPractices } from '../synth.ts'
import { launchChromium } from '../chromium'
import { serveStatic } from '../serve'
import type { BenchGroup } from './types'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../..')
const outDir = join(repo, '.cache/bench-sync')

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
    const practices = synthPractices(count, 42)
    const taxonomy = taxonomyOf(practices)
    const feed = buildFeed(practices, taxonomy, { buildSegment })
    const feedBytes = [...feed.files.values()].reduce((s, d) => s + (typeof d === 'string' ? Buffer.byteLength(d) : d.byteLength), 0)
    ctx.log(`feed: ${count} practices, ${feed.manifest.shards.length} shards, ${(feedBytes / 1e6).toFixed(1)} MB with search segments`)

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
      writeFeed(buildFeed(edited, taxonomy, { buildSegment }))
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
