import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../src/db'
import { emptyQuery } from '../../src/search'
import { useSearchStore } from '../../src/stores/search'
import { setup } from './harness'

const context = { locale: 'en', currentYear: 2026, countryName: (code: string) => code }

describe('the search store', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await db.delete()
    await db.open()
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('rebuilds the index from the practices held when the stored segments cannot be read', async () => {
    // The harness's feed ships stand-in segments that are not in the engine's format, as segments written
    // by an older version of the app would be after an update.
    const harness = setup({ count: 40, db })
    const outcome = await harness.sync()
    expect(outcome.status).toBe('updated')
    const version = outcome.status === 'updated' ? outcome.version : ''
    const shipped = await db.searchSegments.toArray()
    expect(shipped.length).toBeGreaterThan(0)
    expect(shipped.every(s => !s.sha256.startsWith('local-'))).toBe(true)

    const search = useSearchStore()
    await search.ensure(version)
    expect(search.status).toBe('ready')
    const result = search.run(emptyQuery(), context)
    expect(result?.total).toBe(40)

    // The rebuilt segments are kept, so the next start opens them directly.
    const stored = await db.searchSegments.toArray()
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.every(s => s.sha256.startsWith('local-'))).toBe(true)
  })

  it('opens the same version once, however often it is asked', async () => {
    const harness = setup({ count: 10, db })
    const outcome = await harness.sync()
    const version = outcome.status === 'updated' ? outcome.version : ''
    const search = useSearchStore()
    // Each opening reads the stored segments once: count the reads, not the result (a second opening of
    // the same version would give an equal index).
    const reads = vi.spyOn(db.searchSegments, 'toArray')
    await Promise.all([search.ensure(version), search.ensure(version)])
    await search.ensure(version)
    expect(search.status).toBe('ready')
    expect(reads).toHaveBeenCalledTimes(1)
  })
})
