// @vitest-environment happy-dom
/** What the sync banner says while several files download at once: one stage until every download ends. */
import { describe, expect, it } from 'vitest'
import type { SyncProgress } from '../../src/sync'
import { syncStage, type SyncStage } from '../../src/stores/sync'
import { setup } from './harness'

/** Answers each file after a delay of its own, so four downloads overlap and finish out of order. */
function slowly(fetchFn: typeof fetch): typeof fetch {
  let n = 0
  return async (input, init) => {
    const wait = [7, 1, 4, 2, 6, 3][n++ % 6]!
    await new Promise(resolve => setTimeout(resolve, wait))
    return fetchFn(input, init)
  }
}

/** The stages in the order the banner shows them, each run of the same stage counted once. */
function shown(seen: SyncProgress[]): SyncStage[] {
  return seen.map(syncStage).filter((stage, i, all) => i === 0 || stage !== all[i - 1])
}

describe('the sync banner during a download of several files at once', () => {
  it('says "checking", then "downloading" until every file is in, then "checking" until the commit ends', async () => {
    const h = setup({ count: 80, shardCount: 8 })
    const seen: SyncProgress[] = []
    const outcome = await h.sync({ concurrency: 4, fetch: slowly(h.server.fetch), onProgress: p => seen.push(p) })
    expect(outcome.status).toBe('updated')
    expect(shown(seen)).toEqual(['checking', 'downloading', 'checking'])

    const downloads = seen.filter(p => p.phase === 'download')
    // 1 taxonomy + 8 shards + 8 segments, counted up one by one, never back.
    expect(downloads.every(p => p.total === 17)).toBe(true)
    expect(downloads.map(p => p.done)).toEqual([...downloads.map(p => p.done)].sort((a, b) => a - b))
    expect(downloads.at(-1)?.done).toBe(17)
    expect(seen.at(-1)).toMatchObject({ phase: 'commit', done: 1, total: 1 })
  })
})
