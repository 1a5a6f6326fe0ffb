/** Partitioning practices into shards: stable per id, so one edited practice changes one shard. */
import { createHash } from 'node:crypto'

export const TARGET_SHARD_SIZE = 500

/** ceil(n / target) rounded up to a power of two, at least 1. */
export function shardCountFor(practiceCount: number, target: number = TARGET_SHARD_SIZE): number {
  const wanted = Math.max(1, Math.ceil(practiceCount / Math.max(1, target)))
  return 2 ** Math.ceil(Math.log2(wanted))
}

/** The first 32 bits of sha256(id), mod count: spreads ids evenly and never depends on the other ids. */
export function shardOf(id: string, count: number): number {
  return createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0) % count
}
