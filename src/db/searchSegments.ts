/**
 * Rebuilding the search segments on the device, from the practices it holds: only when the stored segments
 * cannot be read. A module of its own, loaded on that rare path only, not with the database at start-up.
 */
import type { Practice } from '../catalogue/schema'
import type { FieldGuideDb } from './database'
import { joinPractice } from './practices'

/**
 * Every practice held, whole, grouped by the shard it came from: what a search index is rebuilt from when
 * the stored segments cannot be read (a segment format an app update no longer reads, a damaged store).
 */
export async function practicesByShard(database: FieldGuideDb): Promise<Map<string, Practice[]>> {
  return database.transaction('r', database.practices, database.texts, async () => {
    const [rows, texts] = await Promise.all([database.practices.toArray(), database.texts.toArray()])
    const textById = new Map(texts.map(t => [t.id, t]))
    const groups = new Map<string, Practice[]>()
    for (const row of rows) {
      const list = groups.get(row.shard) ?? []
      list.push(joinPractice(row, textById.get(row.id)))
      groups.set(row.shard, list)
    }
    return groups
  })
}

/** Replaces every stored search segment with segments built on this device, in one transaction. */
export async function replaceSearchSegments(database: FieldGuideDb, segments: { shardSha256: string, data: Uint8Array }[]): Promise<void> {
  await database.transaction('rw', database.searchSegments, async () => {
    await database.searchSegments.clear()
    await database.searchSegments.bulkPut(segments.map(s => ({
      sha256: `local-${s.shardSha256}`,
      shardSha256: s.shardSha256,
      data: s.data.buffer.slice(s.data.byteOffset, s.data.byteOffset + s.data.byteLength) as ArrayBuffer,
    })))
  })
}
