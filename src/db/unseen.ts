/** "New" / "updated" badges: written by a sync's commit, cleared when the reader opens the practice. */
import type { FieldGuideDb } from './database'

export async function markSeen(database: FieldGuideDb, practiceId: string): Promise<void> {
  await database.unseen.delete(practiceId)
}
