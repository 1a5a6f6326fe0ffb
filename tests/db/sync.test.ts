import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Practice } from '../../src/catalogue/schema'
import { getMeta, getPractice, readCatalogueMeta, saveBookmark } from '../../src/db'
import { syncCatalogue, type LockManagerLike, type SyncOutcome, type SyncProgress } from '../../src/sync'
import { makePractice } from '../fixtures/feeds/practices'
import { MANIFEST_URL } from '../fixtures/feeds/server'
import { build, catalogueSnapshot, fakeSegment, freshDb, interceptWrites, setup } from './harness'

function expectUpdated(outcome: SyncOutcome): Extract<SyncOutcome, { status: 'updated' }> {
  if (outcome.status !== 'updated')
    throw new Error(`expected an update, got ${JSON.stringify(outcome)}`)
  return outcome
}

function expectFailed(outcome: SyncOutcome): Extract<SyncOutcome, { status: 'failed' }> {
  if (outcome.status !== 'failed')
    throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`)
  return outcome
}

/** Every practice with its updatedAt moved on: every shard of the feed changes. */
function touchAll(practices: Practice[], at = '2025-02-02T00:00:00Z'): Practice[] {
  return practices.map(p => ({ ...p, updatedAt: at }))
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('first sync', () => {
  it('stores every practice, split into list rows and texts, and the feed state', async () => {
    const h = setup({ count: 60, shardCount: 4 })
    const outcome = expectUpdated(await h.sync())
    expect(outcome.change).toMatchObject({ initial: true, addedCount: 60, added: [], updated: [], removed: [] })
    expect(await h.db.practices.count()).toBe(60)
    expect(await h.db.texts.count()).toBe(60)
    const row = await h.db.practices.get(h.practices()[4]!.id)
    expect(row).not.toHaveProperty('body')
    // Only what a reader of the rows uses: translated titles live with the texts, years in the period.
    expect(Object.keys(row ?? {}).sort()).toEqual(['city', 'country', 'id', 'language', 'period', 'shard', 'slug', 'sourceUrl', 'summary', 'title', 'topics', 'updatedAt'])
    for (const p of h.practices().slice(0, 8))
      expect(await getPractice(h.db, p.id)).toEqual(p)
    const status = await readCatalogueMeta(h.db)
    expect(status).toMatchObject({ version: h.feed().manifest.version, practiceCount: 60, lastError: null })
    expect((await h.db.meta.get('taxonomy'))?.value).toEqual(JSON.parse(h.feed().files.get(`feed/${h.feed().manifest.taxonomy.url}`) as string))
    expect((await h.db.searchSegments.toArray()).map(s => s.shardSha256).sort()).toEqual(h.feed().manifest.shards.map(s => s.sha256).sort())
    // A first sync marks nothing new.
    expect(await h.db.unseen.count()).toBe(0)
    expect(await h.db.staged.count()).toBe(0)
    expect(outcome.downloaded.files).toBe(1 + 1 + 4 + 4)
  })

  it('reports progress through every phase, ending with the bytes downloaded', async () => {
    const h = setup({ count: 30, shardCount: 2 })
    const seen: SyncProgress[] = []
    expectUpdated(await h.sync({ onProgress: p => seen.push(p) }))
    const phases = [...new Set(seen.map(p => p.phase))]
    expect(phases).toEqual(['manifest', 'download', 'verify', 'commit'])
    const last = seen.at(-1)!
    expect(last).toMatchObject({ phase: 'commit', done: 1, total: 1, bytes: h.server.bytes() })
    expect(seen.filter(p => p.phase === 'verify').at(-1)).toMatchObject({ done: 5, total: 5 })
  })

  it('builds search segments locally when the feed ships none', async () => {
    const h = setup({ count: 40, shardCount: 2, index: false })
    const built: number[] = []
    expectUpdated(await h.sync({ buildIndex: (ps) => { built.push(ps.length); return fakeSegment(ps) } }))
    expect(built.reduce((a, b) => a + b, 0)).toBe(40)
    expect(await h.db.searchSegments.count()).toBe(2)
  })
})

describe('later syncs', () => {
  it('downloads nothing but the manifest when the version is unchanged', async () => {
    const h = setup()
    expectUpdated(await h.sync())
    h.server.reset()
    expect(await h.sync()).toMatchObject({ status: 'unchanged', version: h.feed().manifest.version })
    expect(h.server.requests).toEqual(['feed/manifest.json'])
  })

  it('fetches one shard and its index segment for one changed practice and reports it updated', async () => {
    const h = setup({ count: 80, shardCount: 8 })
    expectUpdated(await h.sync())
    const id = h.practices()[17]!.id
    const feed = h.publish(h.practices().map(p => (p.id === id ? { ...p, title: 'A new title', updatedAt: '2025-01-01T00:00:00Z' } : p)))
    h.server.reset()
    const outcome = expectUpdated(await h.sync())
    expect(h.server.requests.filter(r => r.startsWith('feed/shards/'))).toHaveLength(1)
    expect(h.server.requests.filter(r => r.startsWith('feed/index/'))).toHaveLength(1)
    expect(h.server.requests).toHaveLength(3)
    expect(outcome.change).toMatchObject({ initial: false, updated: [id], added: [], removed: [], updatedCount: 1 })
    expect((await h.db.practices.get(id))?.title).toBe('A new title')
    expect(await h.db.unseen.toArray()).toEqual([{ id, kind: 'updated', at: expect.any(String) }])
    expect(await h.db.searchSegments.count()).toBe(8)
    expect((await h.db.meta.get('indexHashes'))?.value).toEqual(feed.manifest.searchIndex!.map(s => s.sha256))
    expect(await getMeta(h.db, 'lastChange')).toMatchObject({ updated: [id] })
  })

  it('deletes a removed practice and its text, keeping its bookmark with the snapshot, flagged removed', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    expectUpdated(await h.sync())
    const gone = h.practices()[3]!
    const saved = await saveBookmark(h.db, gone.id)
    h.publish(h.practices().filter(p => p.id !== gone.id))
    const outcome = expectUpdated(await h.sync())
    expect(outcome.change).toMatchObject({ removed: [gone.id], added: [], updated: [] })
    expect(await h.db.practices.get(gone.id)).toBeUndefined()
    expect(await h.db.texts.get(gone.id)).toBeUndefined()
    expect(await h.db.practices.count()).toBe(39)
    const bookmark = await h.db.bookmarks.get(gone.id)
    expect(bookmark).toEqual({ ...saved, removedFromCatalogue: true })
    expect(bookmark?.snapshot.title).toBe(gone.title)
  })

  it('adds a new practice, reported new and badged new', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    expectUpdated(await h.sync())
    const extra = makePractice(999)
    h.publish([...h.practices(), extra])
    h.server.reset()
    const outcome = expectUpdated(await h.sync())
    expect(outcome.change).toMatchObject({ added: [extra.id], updated: [], removed: [], addedCount: 1 })
    expect(h.server.requests.filter(r => r.startsWith('feed/shards/'))).toHaveLength(1)
    expect(await getPractice(h.db, extra.id)).toEqual(extra)
    expect(await h.db.unseen.get(extra.id)).toMatchObject({ kind: 'new' })
  })

  it('survives a change of shard count (every shard reshuffled) with an exact diff', async () => {
    const h = setup({ count: 40, shardCount: 2 })
    expectUpdated(await h.sync())
    const id = h.practices()[5]!.id
    const next = build(h.practices().map(p => (p.id === id ? { ...p, updatedAt: '2025-03-03T00:00:00Z' } : p)), { shardCount: 4 })
    h.server.publish(next)
    const outcome = expectUpdated(await h.sync())
    expect(outcome.change).toMatchObject({ updated: [id], added: [], removed: [] })
    expect(await h.db.practices.count()).toBe(40)
    expect(new Set((await h.db.practices.toArray()).map(r => r.shard))).toEqual(new Set(next.manifest.shards.map(s => s.sha256)))
    expect(await h.db.searchSegments.count()).toBe(4)
  })

  it('reuses held shards when the same feed moves to another URL', async () => {
    const h = setup({ count: 20, shardCount: 2 })
    expectUpdated(await h.sync())
    h.server.reset()
    const moved = MANIFEST_URL.replace('/feed/manifest.json', '/mirror/../feed/manifest.json?v=2')
    const outcome = expectUpdated(await h.sync({ feedUrl: moved }))
    expect(h.server.requests).toEqual(['feed/manifest.json'])
    expect(outcome.change).toMatchObject({ addedCount: 0, updatedCount: 0, removedCount: 0 })
    expect((await h.db.meta.get('feedUrl'))?.value).toBe(moved)
  })
})

describe('interrupted syncs', () => {
  it('keeps the old catalogue and bookmarks when the network drops mid-way, and resumes from staged files', async () => {
    const h = setup({ count: 80, shardCount: 8 })
    expectUpdated(await h.sync())
    await saveBookmark(h.db, h.practices()[0]!.id)
    const before = await catalogueSnapshot(h.db)
    h.publish(touchAll(h.practices()))
    h.server.reset()
    let shardsServed = 0
    h.server.setFault((path) => {
      if (path.startsWith('feed/shards/') && ++shardsServed > 3)
        throw new TypeError('Failed to fetch')
      return undefined
    })
    const failed = expectFailed(await h.sync())
    expect(failed.error).toMatchObject({ code: 'network', detail: { url: expect.stringContaining('/feed/shards/') } })
    expect(await catalogueSnapshot(h.db)).toEqual(before)
    expect(await getMeta(h.db, 'lastError')).toMatchObject({ code: 'network' })
    // Taxonomy unchanged; three verified shards wait in staging.
    expect(await h.db.staged.count()).toBe(3)

    h.server.setFault(undefined)
    h.server.reset()
    const resumed = expectUpdated(await h.sync())
    expect(h.shardRequests()).toHaveLength(8 - 3)
    expect(resumed.downloaded.reused).toBe(3)
    expect(resumed.change.updatedCount).toBe(80)
    expect(await h.db.staged.count()).toBe(0)
    expect(await getMeta(h.db, 'lastError')).toBeNull()
  })

  it('stages each verified file as it arrives on a slow sync, so even a killed tab resumes', async () => {
    const h = setup({ count: 80, shardCount: 8, index: false })
    const controller = new AbortController()
    let shards = 0
    // The fourth shard never arrives (until the caller gives up).
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/feed/shards/') && ++shards === 4) {
        return new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        })
      }
      return h.server.fetch(input, init)
    }) as typeof globalThis.fetch
    const pending = h.sync({ fetch, signal: controller.signal, stageAfterMs: 0 })
    await vi.waitFor(async () => expect(await h.db.staged.count()).toBe(1 + 3), { timeout: 5000, interval: 5 })
    // Already on disk while the sync still runs: what a killed tab leaves behind.
    const staged = await h.db.staged.toArray()
    expect(staged.map(s => s.kind).sort()).toEqual(['shard', 'shard', 'shard', 'taxonomy'])
    controller.abort()
    expect(expectFailed(await pending).error.code).toBe('aborted')
    h.server.reset()
    const resumed = expectUpdated(await h.sync())
    expect(resumed.downloaded.reused).toBe(4)
    expect(h.shardRequests()).toHaveLength(8 - 3)
  })

  it('throws away staged files the new manifest no longer lists', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    expectUpdated(await h.sync())
    h.publish(touchAll(h.practices()))
    h.server.setFault(path => (path.startsWith('feed/index/') ? new Response('down', { status: 503 }) : undefined))
    expectFailed(await h.sync())
    expect(await h.db.staged.count()).toBeGreaterThan(0)
    h.server.setFault(undefined)
    h.publish(touchAll(h.practices(), '2025-09-09T00:00:00Z'))
    h.server.reset()
    const outcome = expectUpdated(await h.sync())
    expect(outcome.downloaded.reused).toBe(0)
    expect(h.shardRequests()).toHaveLength(4)
  })

  it('leaves the previous catalogue whole when the commit transaction dies part-way (tab closed)', async () => {
    const db = freshDb('closed')
    let kill = false
    interceptWrites(db, 'texts', req => (kill && req.type === 'put' ? 'abort' : undefined))
    const h = setup({ count: 60, shardCount: 4, db })
    expectUpdated(await h.sync())
    await saveBookmark(h.db, h.practices()[1]!.id)
    const before = await catalogueSnapshot(h.db)
    h.publish(touchAll(h.practices()))
    kill = true
    const failed = expectFailed(await h.sync())
    expect(failed.error.code).toBe('aborted')
    expect(await catalogueSnapshot(h.db)).toEqual(before)
    // The verified files survived the abort: the next sync needs only the manifest.
    kill = false
    h.server.reset()
    expectUpdated(await h.sync())
    expect(h.server.requests).toEqual(['feed/manifest.json'])
    expect((await h.db.meta.get('version'))?.value).toBe(h.feed().manifest.version)
  })

  it('stops with "aborted" when the caller aborts', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    const controller = new AbortController()
    h.server.setFault((path) => {
      if (path.startsWith('feed/shards/'))
        controller.abort()
      return undefined
    })
    const failed = expectFailed(await h.sync({ signal: controller.signal }))
    expect(failed.error.code).toBe('aborted')
    expect(await h.db.practices.count()).toBe(0)
  })

  it('fails "offline" without a request when the browser says it is offline', async () => {
    vi.stubGlobal('navigator', { onLine: false })
    const h = setup()
    expect(expectFailed(await h.sync()).error.code).toBe('offline')
    expect(h.server.requests).toEqual([])
  })
})

describe('HTTP and network errors', () => {
  it('fails on a 404 manifest without retrying', async () => {
    const h = setup()
    h.server.setFault(() => new Response('gone', { status: 404 }))
    const failed = expectFailed(await h.sync())
    expect(failed.error).toEqual({ code: 'http', detail: { url: MANIFEST_URL, status: 404 } })
    expect(h.server.requests).toHaveLength(1)
    expect(h.sleeps).toEqual([])
    expect(await getMeta(h.db, 'lastError')).toMatchObject({ code: 'http', detail: { status: 404 } })
  })

  it('tries a 500 manifest three times with growing waits, then fails', async () => {
    const h = setup()
    h.server.setFault(() => new Response('oops', { status: 500 }))
    const failed = expectFailed(await h.sync())
    expect(failed.error).toMatchObject({ code: 'http', detail: { status: 500 } })
    expect(h.server.requests).toHaveLength(3)
    // random 0.5 → three quarters of each exponential step (1 s, 2 s).
    expect(h.sleeps).toEqual([750, 1500])
  })

  it('recovers when a network error or a 503 clears up on a later try', async () => {
    const h = setup({ count: 20, shardCount: 2 })
    let failures = 0
    h.server.setFault((path) => {
      if (path.startsWith('feed/shards/') && failures < 2) {
        failures++
        if (failures === 1)
          throw new TypeError('network down')
        return new Response('busy', { status: 503 })
      }
      return undefined
    })
    expectUpdated(await h.sync())
    expect(h.sleeps).toHaveLength(2)
    expect(h.sleeps[1]!).toBeGreaterThan(h.sleeps[0]!)
  })

  it('fails on a 404 or a 500 shard, keeping the old catalogue', async () => {
    for (const status of [404, 500]) {
      const h = setup({ count: 40, shardCount: 4 })
      expectUpdated(await h.sync())
      const before = await catalogueSnapshot(h.db)
      const feed = h.publish(touchAll(h.practices()))
      const target = `feed/${feed.manifest.shards[2]!.url}`
      h.server.setFault(path => (path === target ? new Response('x', { status }) : undefined))
      h.server.reset()
      const failed = expectFailed(await h.sync())
      expect(failed.error).toEqual({ code: 'http', detail: { url: `https://feed.test/${target}`, status } })
      expect(h.server.requests.filter(r => r === target)).toHaveLength(status === 404 ? 1 : 3)
      expect(await catalogueSnapshot(h.db)).toEqual(before)
    }
  })
})

describe('bad files', () => {
  it('reports a truncated shard as "truncated" and a wrong hash as "checksum"', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    const feed = h.feed()
    const path = `feed/${feed.manifest.shards[1]!.url}`
    const text = feed.files.get(path) as string
    h.server.override(path, text.slice(0, Math.floor(text.length / 2)))
    expect(expectFailed(await h.sync()).error).toMatchObject({ code: 'truncated', detail: { url: `https://feed.test/${path}` } })
    h.server.override(path, text.replace('Practice number', 'Practice numbeR'))
    expect(expectFailed(await h.sync()).error).toMatchObject({ code: 'checksum', detail: { url: `https://feed.test/${path}` } })
    expect(await h.db.practices.count()).toBe(0)
    expect(await h.db.meta.get('version')).toBeUndefined()
  })

  it('rejects a manifest that is not JSON, one of format 2 and one missing fields', async () => {
    const h = setup()
    h.server.override('feed/manifest.json', '<html>captive portal</html>')
    expect(expectFailed(await h.sync()).error.code).toBe('not_json')
    const manifest = JSON.parse(h.feed().files.get('feed/manifest.json') as string) as Record<string, unknown>
    h.server.override('feed/manifest.json', JSON.stringify({ ...manifest, format: 2 }))
    expect(expectFailed(await h.sync()).error.code).toBe('unsupported_format')
    h.server.override('feed/manifest.json', JSON.stringify({ ...manifest, shards: undefined }))
    expect(expectFailed(await h.sync()).error).toMatchObject({ code: 'bad_manifest', detail: { path: 'shards' } })
    h.server.override('feed/manifest.json', JSON.stringify({ ...manifest, practiceCount: 7 }))
    expect(expectFailed(await h.sync()).error).toMatchObject({ code: 'bad_manifest', detail: { path: 'practiceCount' } })
    expect(h.server.requests.every(r => r === 'feed/manifest.json')).toBe(true)
  })

  it('fails on an invalid record, naming its id and field, and commits nothing', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    expectUpdated(await h.sync())
    const before = await catalogueSnapshot(h.db)
    const bad = { ...h.practices()[9]!, updatedAt: '2025-01-01T00:00:00Z', period: { text: '', start: 1700, ongoing: false } }
    h.publish(h.practices().map(p => (p.id === bad.id ? bad : p)))
    const failed = expectFailed(await h.sync())
    expect(failed.error).toMatchObject({ code: 'invalid_record', detail: { id: bad.id, path: 'period.start' } })
    expect(await catalogueSnapshot(h.db)).toEqual(before)
    expect(await getMeta(h.db, 'lastError')).toMatchObject({ code: 'invalid_record', detail: { id: bad.id } })
  })

  it('fails on an id listed twice', async () => {
    const h = setup({ count: 10, shardCount: 1 })
    h.publish([...h.practices(), { ...h.practices()[2]!, title: 'Twin' }])
    expect(expectFailed(await h.sync()).error).toMatchObject({ code: 'invalid_record', detail: { id: h.practices()[2]!.id, path: 'id' } })
    expect(await h.db.practices.count()).toBe(0)
  })

  it('reports a full disk as "quota", leaving the catalogue as it was', async () => {
    const db = freshDb('quota')
    let full = false
    interceptWrites(db, 'texts', req => (full && req.type === 'put' ? new DOMException('The quota has been exceeded.', 'QuotaExceededError') : undefined))
    const h = setup({ count: 40, shardCount: 4, db })
    expectUpdated(await h.sync())
    const before = await catalogueSnapshot(h.db)
    h.publish(touchAll(h.practices()))
    full = true
    const failed = expectFailed(await h.sync())
    expect(failed.error.code).toBe('quota')
    expect(await catalogueSnapshot(h.db)).toEqual(before)
    expect(await getMeta(h.db, 'lastError')).toMatchObject({ code: 'quota' })
  })
})

describe('one sync at a time', () => {
  /** A fetch that holds every request until released, so a sync stays in flight. */
  function gate(h: ReturnType<typeof setup>) {
    let release!: () => void
    const open = new Promise<void>((resolve) => { release = resolve })
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      await open
      return h.server.fetch(input, init)
    }) as typeof globalThis.fetch
    return { fetch, release }
  }

  function fakeLocks(): LockManagerLike {
    const held = new Set<string>()
    return {
      async request(name, options, callback) {
        if (options.ifAvailable && held.has(name))
          return callback(null)
        held.add(name)
        try {
          return await callback({ name })
        }
        finally {
          held.delete(name)
        }
      },
    }
  }

  it('answers "busy" to a second sync in another tab (Web Locks)', async () => {
    const h = setup({ count: 20, shardCount: 2 })
    const locks = fakeLocks()
    const { fetch, release } = gate(h)
    const first = h.sync({ fetch, locks })
    // Another tab: its own connection to the same database.
    const other = syncCatalogue({ db: freshDb('other-tab'), feedUrl: MANIFEST_URL, fetch: h.server.fetch, locks })
    expect(await other).toEqual({ status: 'busy' })
    release()
    expectUpdated(await first)
    expectUpdated(await syncCatalogue({ db: freshDb('other-tab'), feedUrl: MANIFEST_URL, fetch: h.server.fetch, locks }))
  })

  it('answers "busy" to a second sync in the same page without Web Locks', async () => {
    const h = setup({ count: 20, shardCount: 2 })
    const { fetch, release } = gate(h)
    const first = h.sync({ fetch, locks: null })
    expect(await h.sync({ locks: null })).toEqual({ status: 'busy' })
    release()
    expectUpdated(await first)
    expect((await h.sync()).status).toBe('unchanged')
    expect(await getMeta(h.db, 'lastError')).toBeNull()
  })
})
