/** What the UI shows about the local catalogue; cheap enough to run in a liveQuery (reads meta only). */
import { getMetas, type CatalogueChange, type FieldGuideDb } from '../db'
import { isSyncErrorCode, type SyncFailure } from './errors'

export interface CatalogueStatus {
  /** Undefined until the first successful sync. */
  version: string | undefined
  practiceCount: number
  generatedAt: string | undefined
  lastSuccessAt: string | undefined
  lastAttemptAt: string | undefined
  /** The last sync's failure, cleared by the next success. */
  lastError: (SyncFailure & { at: string }) | null
  lastChange: CatalogueChange | undefined
}

export async function catalogueStatus(database: FieldGuideDb): Promise<CatalogueStatus> {
  const m = await getMetas(database, ['version', 'practiceCount', 'generatedAt', 'lastSuccessAt', 'lastAttemptAt', 'lastError', 'lastChange'])
  const stored = m.lastError
  return {
    version: m.version,
    practiceCount: m.practiceCount ?? 0,
    generatedAt: m.generatedAt,
    lastSuccessAt: m.lastSuccessAt,
    lastAttemptAt: m.lastAttemptAt,
    lastError: stored && isSyncErrorCode(stored.code) ? { code: stored.code, detail: stored.detail, at: stored.at } : null,
    lastChange: m.lastChange,
  }
}
