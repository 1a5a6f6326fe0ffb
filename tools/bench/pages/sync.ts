/**
 * Bench page for tools/bench/sync.bench.ts, bundled with vite and driven through window.syncBench.
 * Measures the real sync against the least any sync must do: fetch, parse and bulk-write the same rows.
 */
import Dexie from 'dexie'
import type { Manifest, Practice } from '../../../src/catalogue/schema'
import { createDatabase, toPracticeRow, toTextRow, type FieldGuideDb, type PracticeRow, type TextRow } from '../../../src/db'
import { syncCatalogue } from '../../../src/sync'

const feedUrl = new URL('/feed/manifest.json', location.href).href
const open = new Map<string, FieldGuideDb>()

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

async function cold(name: string): Promise<{ ms: number, bytes: number, status: string, detail: string }> {
  await drop(name)
  const db = database(name)
  await db.open()
  const t0 = performance.now()
  const outcome = await syncCatalogue({ db, feedUrl, locks: null })
  const ms = performance.now() - t0
  return {
    ms,
    bytes: outcome.status === 'busy' ? 0 : outcome.downloaded.bytes,
    status: outcome.status,
    detail: outcome.status === 'failed' ? JSON.stringify(outcome.error) : '',
  }
}

/** Fetch + parse every shard, then one bulkPut of rows and texts in one transaction: the floor. */
async function bare(name: string): Promise<{ ms: number }> {
  await drop(name)
  const db = database(name)
  await db.open()
  const t0 = performance.now()
  const manifest = await (await fetch(feedUrl, { cache: 'no-cache' })).json() as Manifest
  const shards = await Promise.all(manifest.shards.map(async (s) => {
    const practices = await (await fetch(new URL(s.url, feedUrl))).json() as Practice[]
    return { sha256: s.sha256, practices }
  }))
  const rows: PracticeRow[] = []
  const texts: TextRow[] = []
  for (const shard of shards) {
    for (const p of shard.practices) {
      rows.push(toPracticeRow(p, shard.sha256))
      texts.push(toTextRow(p))
    }
  }
  await db.transaction('rw', [db.practices, db.texts], async () => {
    await db.practices.bulkPut(rows)
    await db.texts.bulkPut(texts)
  })
  return { ms: performance.now() - t0 }
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
    syncBench: { cold: typeof cold, bare: typeof bare, resync: typeof resync, drop: typeof drop }
  }
}

window.syncBench = { cold, bare, resync, drop }
