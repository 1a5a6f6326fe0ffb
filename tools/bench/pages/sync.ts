/**
 * Bench page for tools/bench/sync.bench.ts, bundled with vite and driven through window.syncBench.
 * Measures the real sync against its physical floor: the same bytes (practice rows, texts and search
 * segments) fetched, parsed and written with one put per record in one IndexedDB transaction, through the
 * bare IndexedDB API, into stores with primary keys only, or with a given set of indexes.
 */
import Dexie from 'dexie'
import type { Manifest, Practice } from '../../../src/catalogue/schema'
import { createDatabase, toPracticeRow, toTextRow, type FieldGuideDb } from '../../../src/db'
import { syncCatalogue } from '../../../src/sync'

const feedUrl = new URL('/feed/manifest.json', location.href).href
const open = new Map<string, FieldGuideDb>()

/** The floor's three stores, in Dexie's schema syntax (first entry the key path, the rest indexes). */
export interface FloorSchema {
  practices: string
  texts: string
  searchSegments: string
  /** Row layouts to compare: `one-store` puts each practice's text in its list row (no texts store). */
  layout?: 'one-store'
}

function database(name: string): FieldGuideDb {
  let db = open.get(name)
  if (!db) {
    db = createDatabase(name)
    open.set(name, db)
  }
  return db
}

async function drop(name: string): Promise<void> {
  open.get(name)?.close()
  open.delete(name)
  await Dexie.delete(name)
}

async function cold(name: string, stageAfterMs?: number): Promise<{ ms: number, downloadMs: number, commitMs: number, bytes: number, status: string, detail: string }> {
  await drop(name)
  const db = database(name)
  await db.open()
  // When each phase first reports: where the time goes, beside the floor's fetch and writes.
  const firstAt = new Map<string, number>()
  const t0 = performance.now()
  const outcome = await syncCatalogue({
    db,
    feedUrl,
    locks: null,
    onProgress: (p) => {
      if (!firstAt.has(p.phase))
        firstAt.set(p.phase, performance.now())
    },
    ...(stageAfterMs === undefined ? {} : { stageAfterMs }),
  })
  const ms = performance.now() - t0
  return {
    ms,
    downloadMs: (firstAt.get('verify') ?? t0) - t0,
    commitMs: performance.now() - (firstAt.get('commit') ?? t0),
    bytes: outcome.status === 'busy' ? 0 : outcome.downloaded.bytes,
    status: outcome.status,
    detail: outcome.status === 'failed' ? JSON.stringify(outcome.error) : '',
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

/** Creates a store from a Dexie schema string: `'id, shard, *topics'` → key path `id`, indexes on the rest. */
function createStore(idb: IDBDatabase, name: string, schema: string): void {
  const [key, ...indexes] = schema.split(',').map(s => s.trim()).filter(Boolean)
  const store = idb.createObjectStore(name, { keyPath: key! })
  for (const index of indexes) {
    const multiEntry = index.startsWith('*')
    const path = index.replace(/^[*&]/, '')
    store.createIndex(path, path, { multiEntry })
  }
}

async function openFloorDb(name: string, schema: FloorSchema): Promise<IDBDatabase> {
  await request(indexedDB.deleteDatabase(name))
  const req = indexedDB.open(name, 1)
  req.onupgradeneeded = () => {
    for (const store of ['practices', 'texts', 'searchSegments'] as const)
      createStore(req.result, store, schema[store])
  }
  return request(req)
}

/** Fetches the manifest, every shard and every segment, as a sync must. */
async function fetchFeed(): Promise<{ shards: { sha256: string, practices: Practice[] }[], segments: { sha256: string, shardSha256: string, data: ArrayBuffer }[] }> {
  const manifest = await (await fetch(feedUrl, { cache: 'no-cache' })).json() as Manifest
  const [shards, segments] = await Promise.all([
    Promise.all(manifest.shards.map(async s => ({ sha256: s.sha256, practices: await (await fetch(new URL(s.url, feedUrl))).json() as Practice[] }))),
    Promise.all((manifest.searchIndex ?? []).map(async (s, i) => ({
      sha256: s.sha256,
      shardSha256: manifest.shards[i]!.sha256,
      data: await (await fetch(new URL(s.url, feedUrl))).arrayBuffer(),
    }))),
  ])
  return { shards, segments }
}

/** The floor: fetch + parse the feed, then one put per record in one transaction, until it completes. */
async function floor(name: string, schema: FloorSchema): Promise<{ ms: number, writeMs: number, records: number }> {
  const idb = await openFloorDb(name, schema)
  try {
    const t0 = performance.now()
    const { shards, segments } = await fetchFeed()
    const t1 = performance.now()
    // The browser's default durability, as Dexie's transactions use.
    const tx = idb.transaction(['practices', 'texts', 'searchSegments'], 'readwrite')
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error)
    })
    const practices = tx.objectStore('practices')
    const texts = tx.objectStore('texts')
    let records = 0
    for (const shard of shards) {
      for (const p of shard.practices) {
        if (schema.layout === 'one-store') {
          practices.put({ ...toPracticeRow(p, shard.sha256), ...toTextRow(p) })
          records++
          continue
        }
        practices.put(toPracticeRow(p, shard.sha256))
        texts.put(toTextRow(p))
        records += 2
      }
    }
    const store = tx.objectStore('searchSegments')
    for (const segment of segments) {
      store.put(segment)
      records++
    }
    await done
    const t2 = performance.now()
    return { ms: t2 - t0, writeMs: t2 - t1, records }
  }
  finally {
    idb.close()
    await request(indexedDB.deleteDatabase(name))
  }
}

/** The same bytes written as the sync writes them: Dexie's bulkPut into the app's own schema. */
async function bulkPutApp(name: string): Promise<{ ms: number, writeMs: number }> {
  await drop(name)
  const db = database(name)
  await db.open()
  const t0 = performance.now()
  const { shards, segments } = await fetchFeed()
  const t1 = performance.now()
  const rows = shards.flatMap(s => s.practices.map(p => toPracticeRow(p, s.sha256)))
  const texts = shards.flatMap(s => s.practices.map(toTextRow))
  await db.transaction('rw', [db.practices, db.texts, db.searchSegments], async () => {
    await db.practices.bulkPut(rows)
    await db.texts.bulkPut(texts)
    await db.searchSegments.bulkPut(segments)
  })
  const t2 = performance.now()
  await drop(name)
  return { ms: t2 - t0, writeMs: t2 - t1 }
}

async function resync(name: string): Promise<{ ms: number, bytes: number, status: string, updated: number }> {
  const db = database(name)
  const t0 = performance.now()
  const outcome = await syncCatalogue({ db, feedUrl, locks: null })
  return {
    ms: performance.now() - t0,
    bytes: outcome.status === 'busy' ? 0 : outcome.downloaded.bytes,
    status: outcome.status,
    updated: outcome.status === 'updated' ? outcome.change.updatedCount : -1,
  }
}

declare global {
  interface Window {
    syncBench: { cold: typeof cold, floor: typeof floor, bulkPutApp: typeof bulkPutApp, resync: typeof resync, drop: typeof drop }
  }
}

window.syncBench = { cold, floor, bulkPutApp, resync, drop }
