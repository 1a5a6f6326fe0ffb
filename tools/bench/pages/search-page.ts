/**
 * The search benchmark's page. Driven by tools/bench/search.bench.ts through window.bench:
 *   store(engine, files)   fetches index files and stores them in IndexedDB (the app's first, online run)
 *   ?ready=<engine>        on load (an offline reload): reads the stored data from IndexedDB, opens the index,
 *                          runs one query; readyResult() says how long that took since navigation start
 *   runQueries(queries)    times the query mix (each query = ids + all facet counts)
 *   buildTime(url)         times buildSegment on one shard of practices
 */
import type { Practice } from '../../../src/catalogue/schema'
import { emptyQuery, openIndex, type QueryContext, type SearchQuery } from '../../../src/search'
import { buildSegment } from '../../../src/search/segmentBuilder'
import { createAssist } from '../../../src/search/assist'
import taxonomy from '../../../catalogue/taxonomy.json'
import { ADAPTERS, type ColumnsJson, columnsFromJson, type PeerData, type PeerName, peerQueryEngine } from '../search-peers'

const scriptStart = performance.now()
const DB_NAME = 'search-bench'
const STORES = ['ours', 'minisearch', 'flexsearch', 'orama', 'columns'] as const
type StoreName = typeof STORES[number]

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1)
  req.onupgradeneeded = () => {
    for (const s of STORES)
      req.result.createObjectStore(s)
  }
  return request(req)
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
  })
}

/**
 * IndexedDB refuses a value over ~128 MB (Orama's export at 10,000 practices is 195 M characters), so long
 * strings are stored in parts "key#0000", "key#0001" … and joined again on reading.
 */
const PART = '#'
const PART_CHARS = 32 * 1024 * 1024

async function readAll(store: StoreName): Promise<{ keys: string[], values: unknown[] }> {
  const db = await openDb()
  const tx = db.transaction(store, 'readonly')
  const os = tx.objectStore(store)
  const [rawKeys, rawValues] = await Promise.all([request(os.getAllKeys()), request(os.getAll())])
  db.close()
  const keys: string[] = []
  const values: unknown[] = []
  rawKeys.map(String).forEach((k, i) => {
    const at = k.lastIndexOf(PART)
    const base = at >= 0 ? k.slice(0, at) : k
    if (at >= 0 && keys[keys.length - 1] === base)
      values[values.length - 1] = (values[values.length - 1] as string) + (rawValues[i] as string)
    else {
      keys.push(base)
      values.push(rawValues[i])
    }
  })
  return { keys, values }
}

type Runner = (q: SearchQuery, ctx: QueryContext) => { total: number }

const params = new URLSearchParams(location.search)
const currentYear = Number(params.get('year') ?? new Date().getFullYear())
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })
const ctx: QueryContext = { locale: 'en', currentYear, countryName: code => regionNames.of(code) ?? code }
let runner: Runner | undefined

export interface ReadyResult {
  /** Navigation start → searchable (index open and one query run), ms. */
  readyMs: number
  scriptStartMs: number
  idbMs: number
  openMs: number
  firstQueryMs: number
  bytes: number
  error?: string
}

async function ready(engine: string): Promise<ReadyResult> {
  const t0 = performance.now()
  let bytes = 0
  let t1: number
  let t2: number
  let assisted: (() => Runner) | undefined
  if (engine === 'ours') {
    const { values } = await readAll('ours')
    t1 = performance.now()
    const segments = values.map(v => new Uint8Array(v as ArrayBuffer))
    bytes = segments.reduce((s, b) => s + b.length, 0)
    const index = openIndex(segments)
    t2 = performance.now()
    runner = index.query
    // The timed queries look up word forms as the app does once its query helpers have loaded (after the
    // first list, so not part of "ready").
    assisted = () => createAssist(index, taxonomy).index.query
  }
  else {
    const peer = engine as PeerName
    const [{ values: colValues }, { keys, values }] = await Promise.all([readAll('columns'), readAll(peer)])
    t1 = performance.now()
    const data: PeerData = {}
    keys.forEach((k, i) => {
      data[k] = values[i] as string
      bytes += (values[i] as string).length
    })
    runner = peerQueryEngine(ADAPTERS[peer].load(data), columnsFromJson(JSON.parse(colValues[0] as string) as ColumnsJson))
    t2 = performance.now()
  }
  runner(emptyQuery(), ctx)
  const t3 = performance.now()
  if (assisted)
    runner = assisted()
  return { readyMs: t3, scriptStartMs: t0, idbMs: t1 - t0, openMs: t2 - t1, firstQueryMs: t3 - t2, bytes }
}

const readyEngine = params.get('ready')
const readyPromise: Promise<ReadyResult | undefined> = readyEngine
  ? ready(readyEngine).catch((error: unknown) => ({ readyMs: -1, scriptStartMs: scriptStart, idbMs: 0, openMs: 0, firstQueryMs: 0, bytes: 0, error: String(error) }))
  : Promise.resolve(undefined)

const bench = {
  readyResult: () => readyPromise,

  clear: async (): Promise<void> => {
    await request(indexedDB.deleteDatabase(DB_NAME))
  },

  /** Fetches files and stores them under their keys; binary files as ArrayBuffers, others as strings. */
  store: async (store: StoreName, files: { key: string, url: string, binary: boolean }[]): Promise<number> => {
    const db = await openDb()
    let bytes = 0
    // One file at a time: the peers' exports are hundreds of megabytes.
    for (const f of files) {
      const res = await fetch(f.url)
      if (!res.ok)
        throw new Error(`${f.url}: HTTP ${res.status}`)
      const value = f.binary ? await res.arrayBuffer() : await res.text()
      bytes += typeof value === 'string' ? value.length : value.byteLength
      if (typeof value === 'string' && value.length > PART_CHARS) {
        for (let i = 0; i * PART_CHARS < value.length; i++) {
          const tx = db.transaction(store, 'readwrite')
          tx.objectStore(store).put(value.slice(i * PART_CHARS, (i + 1) * PART_CHARS), `${f.key}${PART}${String(i).padStart(4, '0')}`)
          await done(tx)
        }
      }
      else {
        const tx = db.transaction(store, 'readwrite')
        tx.objectStore(store).put(value, f.key)
        await done(tx)
      }
    }
    db.close()
    return bytes
  },

  /**
   * Times each query: the median of three runs (one run when it takes over 50 ms), which keeps a stray garbage
   * collection or a busy neighbour process from deciding a query's figure. (The bench serves the page
   * cross-origin isolated, so performance.now() has 5 µs resolution, not 0.1 ms.) Stops early after budgetMs.
   */
  runQueries: (queries: SearchQuery[], budgetMs: number): { times: number[], totals: number[], error?: string } => {
    const times: number[] = []
    const totals: number[] = []
    if (!runner)
      return { times, totals, error: 'no index is open' }
    const started = performance.now()
    try {
      for (const q of queries) {
        const runs: number[] = []
        let total = 0
        for (let i = 0; i < 3; i++) {
          const t = performance.now()
          total = runner(q, ctx).total
          runs.push(performance.now() - t)
          if (runs[0]! > 50)
            break
        }
        runs.sort((a, b) => a - b)
        times.push(runs[Math.floor((runs.length - 1) / 2)]!)
        totals.push(total)
        if (performance.now() - started > budgetMs)
          break
      }
    }
    catch (error) {
      return { times, totals, error: String(error) }
    }
    return { times, totals }
  },

  buildTime: async (url: string): Promise<{ firstMs: number, meanMs: number, count: number }> => {
    const practices = await (await fetch(url)).json() as Practice[]
    const runs: number[] = []
    for (let i = 0; i < 3; i++) {
      const t = performance.now()
      buildSegment(practices)
      runs.push(performance.now() - t)
    }
    return { firstMs: runs[0]!, meanMs: runs.reduce((a, b) => a + b, 0) / runs.length, count: practices.length }
  },
}

declare global {
  interface Window {
    bench: typeof bench
  }
}
window.bench = bench
