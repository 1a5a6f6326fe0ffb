import { describe, expect, it } from 'vitest'
import { createDatabase } from '../../src/db'
import { syncCatalogue } from '../../src/sync'
import { MANIFEST_URL } from '../fixtures/feeds/server'
import { setup } from './harness'

describe('two tabs syncing at once without Web Locks', () => {
  it('a second commit of the same update marks nothing new and leaves the first one\'s badges', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    expect((await h.sync()).status).toBe('updated')
    // Every practice edited: every shard changes.
    h.publish(h.practices().map(p => ({ ...p, updatedAt: '2025-04-04T00:00:00Z' })))

    // The other tab: its own connection to the same database, its requests held until this tab has committed.
    let release!: () => void
    const gate = new Promise<void>((resolve) => { release = resolve })
    let requests = 0
    const slowFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      // The manifest goes through, so it plans against the version held now; the files wait.
      if (requests++ > 0)
        await gate
      return h.server.fetch(input, init)
    }) as typeof fetch
    const otherDb = createDatabase(h.db.name)
    const other = syncCatalogue({ db: otherDb, feedUrl: MANIFEST_URL, fetch: slowFetch, locks: null, concurrency: 1 })
    await new Promise(resolve => setTimeout(resolve, 20))

    expect((await h.sync()).status).toBe('updated')
    const badges = await h.db.unseen.toArray()
    expect(badges).toHaveLength(40)
    expect(badges.every(b => b.kind === 'updated')).toBe(true)

    release()
    expect((await other).status).toBe('unchanged')
    expect((await h.db.unseen.toArray()).filter(b => b.kind === 'new')).toEqual([])
    expect(await h.db.unseen.toArray()).toEqual(badges)
    otherDb.close()
  })
})
