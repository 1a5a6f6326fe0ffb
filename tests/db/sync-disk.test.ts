import { describe, expect, it } from 'vitest'
import { getMeta } from '../../src/db'
import { catalogueSnapshot, freshDb, interceptWrites, setup } from './harness'

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

describe('a full disk', () => {
  it('refusing the staged copies does not fail a sync whose commit fits', async () => {
    const db = freshDb('disk')
    interceptWrites(db, 'staged', req => (req.type === 'put' ? quotaError() : undefined))
    const h = setup({ count: 40, shardCount: 4, db })
    // Staged as they arrive, as on a slow network.
    expect((await h.sync({ stageAfterMs: 0 })).status).toBe('updated')
    expect(await h.db.practices.count()).toBe(40)
  })

  it('clears the staged copies before the new rows are written', async () => {
    const db = freshDb('disk')
    const writes: string[] = []
    interceptWrites(db, 'staged', (req) => { writes.push(`staged:${req.type}`); return undefined })
    interceptWrites(db, 'practices', (req) => { writes.push(`practices:${req.type}`); return undefined })
    const h = setup({ count: 40, shardCount: 4, db })
    expect((await h.sync({ stageAfterMs: 0 })).status).toBe('updated')
    const firstRow = writes.indexOf('practices:put')
    expect(firstRow).toBeGreaterThan(0)
    expect(writes.slice(0, firstRow)).toContain('staged:deleteRange')
    expect(writes.slice(firstRow)).not.toContain('staged:deleteRange')
    expect(await h.db.staged.count()).toBe(0)
  })

  it('names the space the update needs when the commit does not fit, keeping the catalogue', async () => {
    const db = freshDb('disk')
    let full = false
    interceptWrites(db, 'practices', req => (full && req.type === 'put' ? quotaError() : undefined))
    const h = setup({ count: 40, shardCount: 4, db })
    expect((await h.sync()).status).toBe('updated')
    const before = await catalogueSnapshot(h.db)
    h.publish(h.practices().map(p => ({ ...p, updatedAt: '2025-03-03T00:00:00Z' })))
    full = true
    const outcome = await h.sync()
    const feed = h.feed().manifest
    const needed = [...feed.shards, ...(feed.searchIndex ?? [])].reduce((sum, f) => sum + f.bytes, 0)
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'quota', detail: { bytes: needed } } })
    expect(await catalogueSnapshot(h.db)).toEqual(before)
    expect(await getMeta(h.db, 'lastError')).toMatchObject({ code: 'quota', detail: { bytes: needed } })
  })
})
