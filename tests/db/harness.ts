/** Shared set-up for the database tests: fresh databases, a feed built from small builders, fault hooks. */
import type { DBCore, DBCoreMutateRequest } from 'dexie'
import type { Practice } from '../../src/catalogue/schema'
import { createDatabase, type FieldGuideDb } from '../../src/db'
import { syncCatalogue, type SyncOptions, type SyncOutcome } from '../../src/sync'
import { buildFeed, type BuiltFeed } from '../../tools/build-feed'
import { makePractices, makeTaxonomy } from '../fixtures/feeds/practices'
import { createFeedServer, MANIFEST_URL, type FeedServer } from '../fixtures/feeds/server'

let counter = 0

export function freshDb(prefix = 'test'): FieldGuideDb {
  return createDatabase(`${prefix}-${++counter}-${Math.random().toString(36).slice(2)}`)
}

/** A deterministic stand-in for the search engine's segment builder: changes whenever a shard does. */
export const fakeSegment = (practices: Practice[]) => new TextEncoder().encode(JSON.stringify(practices.map(p => [p.id, p.updatedAt])))

export interface FeedOptions {
  shardCount?: number
  index?: boolean
}

export function build(practices: readonly Practice[], opts: FeedOptions = {}): BuiltFeed {
  return buildFeed(practices, makeTaxonomy(), {
    ...(opts.shardCount ? { shardCount: opts.shardCount } : {}),
    ...(opts.index === false ? {} : { buildSegment: fakeSegment }),
  })
}

export interface Harness {
  db: FieldGuideDb
  server: FeedServer
  feed: () => BuiltFeed
  practices: () => Practice[]
  publish: (practices: Practice[]) => BuiltFeed
  sync: (extra?: Partial<SyncOptions>) => Promise<SyncOutcome>
  sleeps: number[]
  /** Requests of the last reset, shard files only. */
  shardRequests: () => string[]
}

export function setup(opts: FeedOptions & { count?: number, db?: FieldGuideDb } = {}): Harness {
  let practices = makePractices(opts.count ?? 60)
  let feed = build(practices, opts)
  const server = createFeedServer(feed)
  const db = opts.db ?? freshDb('sync')
  const sleeps: number[] = []
  return {
    db,
    server,
    feed: () => feed,
    practices: () => practices,
    publish: (next) => {
      practices = next
      feed = build(next, opts)
      server.publish(feed)
      return feed
    },
    sync: (extra = {}) => syncCatalogue({
      db,
      feedUrl: MANIFEST_URL,
      fetch: server.fetch,
      locks: null,
      sleep: async (ms) => { sleeps.push(ms) },
      random: () => 0.5,
      concurrency: 1,
      ...extra,
    }),
    sleeps,
    shardRequests: () => server.requests.filter(r => r.startsWith('feed/shards/')),
  }
}

/**
 * Makes writes to one table fail while `when(req)` says so: with an error (a rejected write, as IndexedDB
 * gives on a full disk), or 'abort' (the transaction dies under the write, as when a tab closes).
 * Must be installed before the database opens.
 */
export function interceptWrites(db: FieldGuideDb, table: string, when: (req: DBCoreMutateRequest) => Error | 'abort' | undefined): void {
  db.use({
    stack: 'dbcore',
    name: `intercept-${table}`,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name)
        if (name !== table)
          return t
        return {
          ...t,
          mutate: (req) => {
            const outcome = when(req)
            if (outcome === 'abort') {
              // Like a closing tab: the transaction dies, and its pending request fails as IndexedDB fails it.
              (req.trans as unknown as IDBTransaction).abort()
              return Promise.reject(new DOMException('The transaction was aborted.', 'AbortError'))
            }
            return outcome ? Promise.reject(outcome) : t.mutate(req)
          },
        }
      },
    }),
  })
}

/** Everything a reader could see of the catalogue, for before/after comparisons. */
export async function catalogueSnapshot(db: FieldGuideDb) {
  return {
    practices: await db.practices.toArray(),
    texts: await db.texts.toArray(),
    segments: (await db.searchSegments.toArray()).map(s => s.sha256).sort(),
    version: (await db.meta.get('version'))?.value,
    shardHashes: (await db.meta.get('shardHashes'))?.value,
    bookmarks: await db.bookmarks.toArray(),
  }
}
