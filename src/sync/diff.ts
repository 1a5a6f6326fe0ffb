/** The pure parts of a sync's plan: which files to fetch, which shards go, and what changed. */
import type { Manifest } from '../catalogue/schema'

interface HeldState {
  /** Shards whose practices the database holds. */
  shards: ReadonlySet<string>
  /** Search segments the database holds. */
  segments: ReadonlySet<string>
  taxonomySha256: string | undefined
}

interface FetchPlan {
  /** Positions (in manifest.shards) of shards to obtain. */
  shards: number[]
  /** Positions (in manifest.searchIndex) of segments to obtain. */
  segments: number[]
  taxonomy: boolean
  /** Held shards the new manifest no longer lists: their rows are the "before" of the diff. */
  dropped: string[]
}

export function planFetch(manifest: Manifest, held: HeldState): FetchPlan {
  const listed = new Set(manifest.shards.map(s => s.sha256))
  const seen = new Set<string>()
  const shards: number[] = []
  manifest.shards.forEach((s, i) => {
    if (!held.shards.has(s.sha256) && !seen.has(s.sha256))
      shards.push(i)
    seen.add(s.sha256)
  })
  const segments: number[] = []
  manifest.searchIndex?.forEach((s, i) => {
    if (!held.segments.has(s.sha256))
      segments.push(i)
  })
  return {
    shards,
    segments,
    taxonomy: held.taxonomySha256 !== manifest.taxonomy.sha256,
    dropped: [...held.shards].filter(h => !listed.has(h)),
  }
}

export interface ChangeSet {
  added: string[]
  updated: string[]
  unchanged: string[]
  removed: string[]
}

/**
 * Diffs the practices of the shards that came in against the rows of the shards that went. Because a
 * practice lives in exactly one shard, an id in neither set sits in a kept shard and did not change.
 * `updatedAt` is the record's own edit stamp, so comparing it avoids reading any text.
 */
export function diffPractices(before: ReadonlyMap<string, string>, incoming: Iterable<{ id: string, updatedAt: string }>): ChangeSet {
  const added: string[] = []
  const updated: string[] = []
  const unchanged: string[] = []
  const present = new Set<string>()
  for (const p of incoming) {
    present.add(p.id)
    const old = before.get(p.id)
    if (old === undefined)
      added.push(p.id)
    else if (old !== p.updatedAt)
      updated.push(p.id)
    else
      unchanged.push(p.id)
  }
  const removed = [...before.keys()].filter(id => !present.has(id))
  return { added, updated, unchanged, removed }
}
