/**
 * Search benchmark: for 10,000 and 100,000 synthetic practices (2,000 and 10,000 with --quick), full text
 * indexed, our engine against MiniSearch, FlexSearch and Orama, every one with the same facet code.
 *
 * Ours, in headless Chromium: segments built in Node by buildSegment (one per shard of ~1,000 practices, by a
 * stable hash of the id, as tools/build-feed does) are stored in IndexedDB by a first visit; then an offline
 * reload reads them back and opens the index. "ready" = navigation start → openIndex returned and one query
 * (the start screen's: no text, newest first, all facet counts) has run; the median of three reloads.
 * "heap" = JS heap plus array-buffer backing store held after GC (CDP Runtime.getHeapUsage), minus a blank
 * page's. Query latency: the ~200-query mix of search-mix.ts, each query returning ids and all facet counts.
 *
 * Peers at the smaller size, in Chromium the same way, with the best start each library supports: its index
 * built in Node, serialised (MiniSearch toJSON, FlexSearch export, Orama save), stored in IndexedDB and loaded
 * on reload (plus the shared facet columns). At the larger size a peer's serialised index would take minutes
 * and gigabytes to build and load in a page, so each peer runs in a Node process of its own (search-peer-node.ts):
 * "ready" is then its build time from records already in memory (a lower bound of what a page would need), the
 * heap is Node's, and a peer that does not finish within its share of PEER_LARGE_BUDGET_MS reports -1.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import { build } from 'vite'
import type { Practice, Taxonomy } from '../../src/catalogue/schema'
import { hashString } from '../../src/search/bytes'
import { facetColumnsFromPractices } from '../../src/search/facets'
import { buildSegment } from '../../src/search/segmentBuilder'
import { launchChromium } from '../chromium'
import { serveStatic } from '../serve'
import { synthPractices } from '../synth/lib'
import type { ReadyResult } from './pages/search-page'
import { queryMix } from './search-mix'
import { ADAPTERS, columnsToJson, PEERS, type PeerName, peerDoc } from './search-peers'
import { relevanceFigures } from './search-relevance'
import { interfaceLanguages } from '../feed/interfaceLanguages'
import type { BenchContext, BenchGroup } from './types'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OUT = join(ROOT, '.cache/bench-search')
const SHARD_SIZE = 1000
const CURRENT_YEAR = new Date().getFullYear()
/**
 * Time for the whole larger-size peer part (building and querying; generating the practices in each peer's
 * process is not counted). Peers run fastest-building first (MiniSearch, FlexSearch, Orama at 10,000), each
 * with all the time the earlier ones left.
 */
const PEER_LARGE_BUDGET_MS = 6 * 60_000
/** Cap on one ready measurement and on one query-mix run in the page. */
const PAGE_TIMEOUT_MS = 180_000
const QUERY_BUDGET_MS = 60_000

type Figures = Record<string, number>

interface Measured {
  readyMs: number
  heapMb: number
  medianMs: number
  p95Ms: number
}

/** SEARCH_BENCH_PEERS=minisearch,orama (or none) limits the peers, e.g. while working on our engine. */
const ACTIVE_PEERS: readonly PeerName[] = process.env.SEARCH_BENCH_PEERS === undefined
  ? PEERS
  : PEERS.filter(p => process.env.SEARCH_BENCH_PEERS!.split(',').includes(p))
/** SEARCH_BENCH_SIZES=100000 overrides the sizes. */
const SIZES = process.env.SEARCH_BENCH_SIZES?.split(',').map(Number)

const FAILED: Measured = { readyMs: -1, heapMb: -1, medianMs: -1, p95Ms: -1 }

function label(n: number): string {
  return `${n / 1000}k`
}

function quantile(values: number[], q: number): number {
  if (values.length === 0)
    return -1
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}

function median(values: number[]): number {
  return quantile(values, 0.5)
}

/** Shards by a stable hash of the id, ~SHARD_SIZE practices each (as the feed does). */
function shard(practices: Practice[]): Practice[][] {
  const count = Math.max(1, Math.ceil(practices.length / SHARD_SIZE))
  const shards: Practice[][] = Array.from({ length: count }, () => [])
  for (const p of practices)
    shards[hashString(p.id) % count]!.push(p)
  return shards
}

function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms) }),
  ])
}

async function buildPage(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true })
  await build({
    configFile: false,
    root: join(ROOT, 'tools/bench/pages'),
    base: './',
    logLevel: 'warn',
    build: {
      outDir: OUT,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      rolldownOptions: { input: join(ROOT, 'tools/bench/pages/search.html') },
    },
  })
}

/** A browser page plus its CDP session, recreated when a measurement times out. */
interface Tab {
  context: BrowserContext
  page: Page
  cdp: CDPSession
}

async function heapBytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  return usage.usedSize + (usage.backingStorageSize ?? 0)
}

/** One engine's run in the search page: the app's address, the engine, and the files it opens. */
interface PageRun {
  url: string
  engine: 'ours' | PeerName
  files: { store: string, key: string, url: string, binary: boolean }[]
}

/** Stores the run's files in the page's IndexedDB, then measures ready, heap and the query mix. */
async function measureInPage(tab: Tab, run: PageRun, log: (m: string) => void): Promise<Measured & { ready: ReadyResult }> {
  const { url, engine, files } = run
  const { page, cdp } = tab
  await page.goto(`${url}/search.html`)
  await page.evaluate(() => window.bench.clear())
  const stores = [...new Set(files.map(f => f.store))]
  let stored = 0
  for (const store of stores) {
    const list = files.filter(f => f.store === store).map(({ key, url: u, binary }) => ({ key, url: u, binary }))
    stored += await timeout(page.evaluate(({ s, l }) => window.bench.store(s as 'ours', l), { s: store, l: list }), PAGE_TIMEOUT_MS, `storing ${engine}`)
  }
  await page.goto(`${url}/search.html?idle=1`)
  const base = await heapBytes(cdp)
  const readies: ReadyResult[] = []
  for (let run = 0; run < 3; run++) {
    await page.goto(`${url}/search.html?ready=${engine}&year=${CURRENT_YEAR}`)
    const r = await timeout(page.evaluate(() => window.bench.readyResult()), PAGE_TIMEOUT_MS, `${engine} ready`)
    if (!r || r.error)
      throw new Error(`${engine} did not open: ${r?.error ?? 'no result'}`)
    readies.push(r)
    if (r.readyMs > 10_000)
      break // slow enough that one run says it
  }
  const ready = [...readies].sort((a, b) => a.readyMs - b.readyMs)[Math.floor((readies.length - 1) / 2)]!
  const heapMb = (await heapBytes(cdp) - base) / 1e6
  const mix = queryMix()
  const q = await timeout(page.evaluate(({ m, b }) => window.bench.runQueries(m, b), { m: mix, b: QUERY_BUDGET_MS }), PAGE_TIMEOUT_MS, `${engine} queries`)
  if (q.error)
    throw new Error(`${engine} failed a query: ${q.error}`)
  if (q.times.length < mix.length)
    log(`${engine}: only ${q.times.length} of ${mix.length} queries ran within ${QUERY_BUDGET_MS / 1000} s`)
  log(`${engine}: stored ${(stored / 1e6).toFixed(1)} MB; ready ${ready.readyMs.toFixed(0)} ms (script start ${ready.scriptStartMs.toFixed(0)}, IndexedDB ${ready.idbMs.toFixed(0)}, open ${ready.openMs.toFixed(0)}, first query ${ready.firstQueryMs.toFixed(0)}; runs ${readies.map(r => r.readyMs.toFixed(0)).join(', ')}); heap ${heapMb.toFixed(1)} MB; queries median ${median(q.times).toFixed(2)} ms, p95 ${quantile(q.times, 0.95).toFixed(2)} ms, max ${Math.max(...q.times).toFixed(1)} ms`)
  return { readyMs: ready.readyMs, heapMb, medianMs: median(q.times), p95Ms: quantile(q.times, 0.95), ready }
}

/** Runs search-peer-node.ts for one peer, killed when its budget runs out; says how much of it was used. */
function measureInNode(engine: PeerName, count: number, budgetMs: number, log: (m: string) => void): Promise<Measured & { usedMs: number }> {
  let clockStart = 0
  const used = (): number => clockStart === 0 ? 0 : Date.now() - clockStart
  return new Promise((resolveRun) => {
    const done = (m: Measured): void => resolveRun({ ...m, usedMs: used() })
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', '--max-old-space-size=12288', join(ROOT, 'tools/bench/search-peer-node.ts'), engine, String(count), String(CURRENT_YEAR), String(QUERY_BUDGET_MS), String(budgetMs)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let timer: NodeJS.Timeout | undefined
    let buffer = ''
    let stderr = ''
    let settled = false
    const finish = (m: Measured, why?: string): void => {
      if (settled)
        return
      settled = true
      clearTimeout(timer)
      if (why)
        log(`${engine} at ${label(count)}: ${why}; reported as -1`)
      if (child.exitCode === null)
        child.kill('SIGKILL')
      done(m)
    }
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-2000) })
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString()
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        let msg: { phase?: string, result?: { buildMs: number, readyMs: number, heapMb: number, times: number[] } }
        try {
          msg = JSON.parse(line) as typeof msg
        }
        catch {
          continue
        }
        if (msg.phase === 'build') {
          clockStart = Date.now()
          timer = setTimeout(() => finish(FAILED, `did not finish building and querying within ${(budgetMs / 1000).toFixed(0)} s`), budgetMs)
        }
        else if (msg.result) {
          const r = msg.result
          log(`${engine} at ${label(count)} (Node): built in ${(r.buildMs / 1000).toFixed(1)} s, ready ${(r.readyMs / 1000).toFixed(1)} s, heap ${r.heapMb.toFixed(0)} MB, ${r.times.length} queries: median ${median(r.times).toFixed(2)} ms, p95 ${quantile(r.times, 0.95).toFixed(2)} ms`)
          finish({ readyMs: r.readyMs, heapMb: r.heapMb, medianMs: median(r.times), p95Ms: quantile(r.times, 0.95) })
        }
      }
    })
    child.on('exit', (code, signal) => finish(FAILED, `exited (${code ?? signal}) ${stderr.includes('heap out of memory') ? 'out of memory' : stderr.trim().split('\n').slice(-3).join(' / ')}`))
  })
}

function record(figures: Figures, name: string, size: string, m: Measured): void {
  const round = (v: number): number => v < 0 ? -1 : v
  figures[`${name}.ready_${size}_ms`] = round(m.readyMs)
  figures[`${name}.query_${size}_median_ms`] = round(m.medianMs)
  figures[`${name}.query_${size}_p95_ms`] = round(m.p95Ms)
  figures[`${name}.heap_${size}_mb`] = round(m.heapMb)
}

/** One browser for the whole run, with a tab that a failed measurement replaces. */
interface Browsing {
  server: Awaited<ReturnType<typeof serveStatic>>
  tab: () => Tab
  replaceTab: () => Promise<void>
  close: () => Promise<void>
}

async function startBrowsing(): Promise<Browsing> {
  const server = await serveStatic(OUT)
  // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs: sub-millisecond queries
  // need it.
  server.setIntercept((_req, res) => {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp')
    return false
  })
  const browser = await launchChromium()
  const newTab = async (): Promise<Tab> => {
    const context = await browser.newContext()
    const page = await context.newPage()
    return { context, page, cdp: await context.newCDPSession(page) }
  }
  let tab = await newTab()
  return {
    server,
    tab: () => tab,
    replaceTab: async () => {
      await tab.context.close().catch(() => {})
      tab = await newTab()
    },
    close: async () => {
      await browser.close()
      await server.close()
    },
  }
}

/** buildSegment in Chromium, on one shard. */
async function measureBuildInChromium(b: Browsing, sample: Practice[], figures: Figures, log: (m: string) => void): Promise<void> {
  writeFileSync(join(OUT, 'shard.json'), JSON.stringify(sample))
  const { page } = b.tab()
  await page.goto(`${b.server.url}/search.html`)
  if (!await page.evaluate(() => crossOriginIsolated))
    log('the bench page is not cross-origin isolated: query times are rounded to 0.1 ms')
  const bt = await page.evaluate(() => window.bench.buildTime('shard.json'))
  figures['search.build_per_1000_chromium_ms'] = bt.meanMs / (bt.count / 1000)
  log(`buildSegment in Chromium: ${bt.meanMs.toFixed(0)} ms per ${bt.count} practices (first run ${bt.firstMs.toFixed(0)} ms)`)
}

/** Ours at one size: segments built in Node (as tools/build-feed ships them), then measured in the page. */
async function measureOurs(b: Browsing, practices: Practice[], figures: Figures, log: (m: string) => void): Promise<void> {
  const n = practices.length
  const size = label(n)
  const dir = join(OUT, 'data', size)
  mkdirSync(join(dir, 'ours'), { recursive: true })
  const shards = shard(practices)
  const t = performance.now()
  // With the topics' names in every language, as tools/build-feed ships them.
  const taxonomy = JSON.parse(readFileSync(join(ROOT, 'catalogue/taxonomy.json'), 'utf8')) as Taxonomy
  const nameLanguages = interfaceLanguages()
  const segments = shards.map(s => buildSegment(s, { taxonomy, nameLanguages }))
  const buildMs = performance.now() - t
  const bytes = segments.reduce((sum, seg) => sum + seg.length, 0)
  figures['search.build_per_1000_node_ms'] = buildMs / (n / 1000)
  figures['search.segment_kb_per_1000'] = bytes / 1024 / (n / 1000)
  log(`ours: ${segments.length} segments, ${(bytes / 1e6).toFixed(1)} MB (${(bytes / 1024 / (n / 1000)).toFixed(0)} KB per 1000 practices), built in Node in ${(buildMs / 1000).toFixed(1)} s (${(buildMs / (n / 1000)).toFixed(0)} ms per 1000)`)
  const files = segments.map((seg, i) => {
    const name = `seg-${String(i).padStart(4, '0')}.bin`
    writeFileSync(join(dir, 'ours', name), seg)
    return { store: 'ours', key: name, url: `data/${size}/ours/${name}`, binary: true }
  })
  try {
    record(figures, 'search', size, await measureInPage(b.tab(), { url: b.server.url, engine: 'ours', files }, log))
  }
  catch (error) {
    log(`ours at ${size}: ${String(error)}`)
    record(figures, 'search', size, FAILED)
    await b.replaceTab()
  }
}

/** The peers at the smaller size, in the page: each one's index built and serialised in Node, loaded there. */
async function measurePeersInPage(b: Browsing, practices: Practice[], figures: Figures, log: (m: string) => void): Promise<void> {
  const size = label(practices.length)
  const dir = join(OUT, 'data', size)
  const cols = facetColumnsFromPractices(practices)
  writeFileSync(join(dir, 'columns.json'), JSON.stringify(columnsToJson(cols, practices.map(p => p.id), practices.map(p => p.title))))
  const docs = practices.map(peerDoc)
  for (const peer of ACTIVE_PEERS) {
    try {
      let t = performance.now()
      const built = ADAPTERS[peer].build(docs)
      const builtMs = performance.now() - t
      t = performance.now()
      const data = ADAPTERS[peer].serialize(built)
      const size2 = Object.values(data).reduce((s, v) => s + v.length, 0)
      log(`${peer}: built in Node in ${(builtMs / 1000).toFixed(1)} s, serialised in ${((performance.now() - t) / 1000).toFixed(1)} s (${(size2 / 1e6).toFixed(0)} MB)`)
      mkdirSync(join(dir, peer), { recursive: true })
      const peerFiles = Object.entries(data).map(([key, value], i): { store: string, key: string, url: string, binary: boolean } => {
        const name = `${i}.txt`
        writeFileSync(join(dir, peer, name), value)
        return { store: peer, key, url: `data/${size}/${peer}/${name}`, binary: false }
      })
      peerFiles.push({ store: 'columns', key: 'json', url: `data/${size}/columns.json`, binary: false })
      record(figures, peer, size, await measureInPage(b.tab(), { url: b.server.url, engine: peer, files: peerFiles }, log))
    }
    catch (error) {
      log(`${peer} at ${size}: ${String(error)}; reported as -1`)
      record(figures, peer, size, FAILED)
      await b.replaceTab()
    }
    rmSync(join(dir, peer), { recursive: true, force: true })
  }
}

/** The peers at the larger size, each in a Node process of its own, sharing PEER_LARGE_BUDGET_MS. */
async function measurePeersInNode(n: number, figures: Figures, log: (m: string) => void): Promise<void> {
  const size = label(n)
  let left = PEER_LARGE_BUDGET_MS
  for (const peer of ACTIVE_PEERS) {
    if (left < 10_000) {
      log(`${peer} at ${size}: no time left of the ${PEER_LARGE_BUDGET_MS / 60_000} minutes for peers at this size; reported as -1`)
      record(figures, peer, size, FAILED)
      continue
    }
    const m = await measureInNode(peer, n, left, log)
    left -= m.usedMs
    record(figures, peer, size, m)
  }
}

async function run(ctx: BenchContext): Promise<Figures> {
  const { log } = ctx
  const sizes = SIZES ?? (ctx.quick ? [2000, 10_000] : [10_000, 100_000])
  // Quality first: the relevance set over the embedded catalogue, ours and the peers' (a second or two).
  const figures: Figures = { ...relevanceFigures(log) }
  // Timings on a shared machine move with its load: say what it was.
  const load = (): string => `load average ${loadavg().map(l => l.toFixed(1)).join(' ')} on ${cpus().length} cores`
  log(load())
  let t = performance.now()
  const all = synthPractices(sizes[sizes.length - 1]!, 1)
  log(`synthesised ${all.length} practices in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  t = performance.now()
  await buildPage()
  log(`bench page built in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  const browsing = await startBrowsing()
  try {
    await measureBuildInChromium(browsing, all.slice(0, SHARD_SIZE), figures, log)
    for (const n of sizes) {
      log(`— ${n} practices —`)
      const practices = all.slice(0, n)
      await measureOurs(browsing, practices, figures, log)
      if (n === sizes[0])
        await measurePeersInPage(browsing, practices, figures, log)
      else
        await measurePeersInNode(n, figures, log)
      rmSync(join(OUT, 'data', label(n)), { recursive: true, force: true })
    }
  }
  finally {
    await browsing.close()
  }
  log(load())
  return figures
}

const group: BenchGroup = {
  name: 'search',
  description: 'time to searchable after an offline reload, index heap and query + facet latency: ours vs MiniSearch, FlexSearch, Orama',
  run,
}
export default group

// Lets `npx tsx tools/bench/search.bench.ts [--quick]` run this group alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await run({ quick: process.argv.includes('--quick'), log: m => console.log(`  ${m}`) })
  console.log(figures)
}
