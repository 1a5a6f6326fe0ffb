/**
 * One peer library measured in a Node process of its own (the search benchmark's large size, where building in
 * Chromium would take minutes and gigabytes): builds the peer's index from synthetic practices, then times the
 * query mix with the shared facet code. The parent kills this process when it runs out of time.
 *
 *   node --import tsx --expose-gc tools/bench/search-peer-node.ts <engine> <count> <currentYear> <queryBudgetMs> <totalBudgetMs>
 *
 * The query mix stops after queryBudgetMs, or earlier so as to report before totalBudgetMs (counted from the
 * start of the build) runs out.
 *
 * Prints JSON lines: {"phase":"build"} when the clock starts, then {"result":{...}}.
 */
import process from 'node:process'
import { facetColumnsFromPractices } from '../../src/search/facets'
import { emptyQuery, type QueryContext } from '../../src/search/index'
import { synthPractices } from '../synth/lib'
import { queryMix } from './search-mix'
import { ADAPTERS, type PeerName, peerDoc, peerQueryEngine } from './search-peers'

const [engine, countArg, yearArg, budgetArg, totalArg] = process.argv.slice(2)
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const say = (message: unknown): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`)
}

const adapter = ADAPTERS[engine as PeerName]
if (!adapter)
  throw new Error(`unknown engine ${engine}`)
const count = Number(countArg)
const names = new Intl.DisplayNames(['en'], { type: 'region' })
const ctx: QueryContext = { locale: 'en', currentYear: Number(yearArg), countryName: code => names.of(code) ?? code }

gc()
const baseline = process.memoryUsage().heapUsed
// Records and documents are dropped after the build, so that the heap counts what the index keeps.
const input = { practices: synthPractices(count, 1), docs: [] as ReturnType<typeof peerDoc>[] }
const cols = facetColumnsFromPractices(input.practices)
const ids = input.practices.map(p => p.id)
const titles = input.practices.map(p => p.title)
input.docs = input.practices.map(peerDoc)
input.practices = []

say({ phase: 'build' })
const t0 = performance.now()
const built = adapter.build(input.docs)
const buildMs = performance.now() - t0
input.docs = []
const run = peerQueryEngine(adapter.wrap(built), { cols, ids, titles })
const t1 = performance.now()
run(emptyQuery(), ctx)
const readyMs = buildMs + performance.now() - t1
gc()
const heapMb = (process.memoryUsage().heapUsed - baseline) / 1e6

const times: number[] = []
const started = performance.now()
const queryBudget = Math.min(Number(budgetArg), Number(totalArg) - (started - t0) - 5000)
for (const q of queryMix()) {
  // As in the page: the median of three runs, one when a run takes over 50 ms.
  const runs: number[] = []
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    run(q, ctx)
    runs.push(performance.now() - t)
    if (runs[0]! > 50)
      break
  }
  runs.sort((a, b) => a - b)
  times.push(runs[Math.floor((runs.length - 1) / 2)]!)
  if (performance.now() - started > queryBudget)
    break
}
say({ result: { buildMs, readyMs, heapMb, times } })
