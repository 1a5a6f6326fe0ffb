import { describe, expect, it } from 'vitest'
import { saveBookmark } from '../../src/db'
import { removesMost } from '../../src/sync'
import { makePractices } from '../fixtures/feeds/practices'
import { catalogueSnapshot, setup } from './harness'

describe('a feed that would remove most of the catalogue', () => {
  it('is held back when it is empty, keeping everything, until the user agrees', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    expect((await h.sync()).status).toBe('updated')
    const saved = h.practices()[3]!.id
    await saveBookmark(h.db, saved, new Date('2025-01-01T00:00:00Z'))
    const before = await catalogueSnapshot(h.db)
    const empty = h.publish([])
    h.server.reset()

    expect(await h.sync()).toMatchObject({ status: 'removal_held', version: empty.manifest.version, held: 40, incoming: 0, removing: 40 })
    expect(await catalogueSnapshot(h.db)).toEqual(before)
    expect(h.shardRequests()).toEqual([])
    expect((await h.db.meta.get('lastError'))?.value ?? null).toBeNull()

    // Agreeing applies exactly that version; the bookmark stays, flagged, with its snapshot.
    expect((await h.sync({ allowRemoval: empty.manifest.version })).status).toBe('updated')
    expect(await h.db.practices.count()).toBe(0)
    expect(await h.db.bookmarks.get(saved)).toMatchObject({ removedFromCatalogue: true, snapshot: before.bookmarks[0]!.snapshot })
  })

  it('is held back when it swaps most practices for others (same count), found at the commit', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    expect((await h.sync()).status).toBe('updated')
    const before = await catalogueSnapshot(h.db)
    const next = [...h.practices().slice(0, 15), ...makePractices(25, 1000)]
    const feed = h.publish(next)
    expect(await h.sync()).toMatchObject({ status: 'removal_held', version: feed.manifest.version, held: 40, incoming: 40, removing: 25 })
    expect(await catalogueSnapshot(h.db)).toEqual(before)
    // An agreement given to another version does not count.
    expect((await h.sync({ allowRemoval: 'some-other-version' })).status).toBe('removal_held')
    expect((await h.sync({ allowRemoval: feed.manifest.version })).status).toBe('updated')
    expect(await h.db.practices.count()).toBe(40)
  })

  it('remembers the agreement, so a sync cut off after it applies the feed next time without asking', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    expect((await h.sync()).status).toBe('updated')
    const empty = h.publish([])
    // The tab closes while the agreed sync downloads.
    const cut = new AbortController()
    h.server.setFault((path) => {
      if (path !== 'feed/manifest.json')
        cut.abort()
      return undefined
    })
    expect((await h.sync({ allowRemoval: empty.manifest.version, signal: cut.signal })).status).toBe('failed')
    expect(await h.db.practices.count()).toBe(40)
    h.server.setFault(undefined)
    expect((await h.sync()).status).toBe('updated')
    expect(await h.db.practices.count()).toBe(0)
  })

  it('applies a feed that removes half or fewer without asking', async () => {
    const h = setup({ count: 40, shardCount: 4 })
    expect((await h.sync()).status).toBe('updated')
    h.publish(h.practices().slice(0, 20))
    expect((await h.sync()).status).toBe('updated')
    expect(await h.db.practices.count()).toBe(20)
  })

  it('counts an empty device as nothing to remove', () => {
    expect(removesMost(0, 0)).toBe(false)
    expect(removesMost(10, 5)).toBe(false)
    expect(removesMost(10, 6)).toBe(true)
  })
})
