/** Typed access to the meta key/value table (the catalogue's sync state). */
import type { FieldGuideDb } from './database'
import type { CatalogueMeta, MetaKey, MetaRow } from './types'

export async function getMeta<K extends MetaKey>(database: FieldGuideDb, key: K): Promise<CatalogueMeta[K] | undefined> {
  const row = await database.meta.get(key)
  return row?.value as CatalogueMeta[K] | undefined
}

/** Several keys in one read; missing keys are absent from the result. */
export async function getMetas<K extends MetaKey>(database: FieldGuideDb, keys: readonly K[]): Promise<Partial<Pick<CatalogueMeta, K>>> {
  const rows = await database.meta.bulkGet([...keys])
  const out: Partial<Pick<CatalogueMeta, K>> = {}
  rows.forEach((row, i) => {
    if (row)
      out[keys[i]!] = row.value as CatalogueMeta[K]
  })
  return out
}

export function metaRows(values: Partial<CatalogueMeta>): MetaRow[] {
  return Object.entries(values).map(([key, value]) => ({ key, value }) as MetaRow)
}

export async function putMeta(database: FieldGuideDb, values: Partial<CatalogueMeta>): Promise<void> {
  await database.meta.bulkPut(metaRows(values))
}

const ALL_META_KEYS: readonly MetaKey[] = [
  'feedUrl', 'version', 'generatedAt', 'practiceCount', 'shardHashes', 'indexHashes', 'taxonomy', 'taxonomySha256',
  'lastSuccessAt', 'lastAttemptAt', 'lastError', 'lastChange', 'feedBytes',
]

/**
 * The whole catalogue state in one read (for a liveQuery), or undefined before the first successful sync.
 * Keys a sync has not written yet read as empty values.
 */
export async function readCatalogueMeta(database: FieldGuideDb): Promise<CatalogueMeta | undefined> {
  const m = await getMetas(database, ALL_META_KEYS)
  if (m.version === undefined)
    return undefined
  return {
    feedUrl: m.feedUrl ?? '',
    version: m.version,
    generatedAt: m.generatedAt ?? '',
    practiceCount: m.practiceCount ?? 0,
    shardHashes: m.shardHashes ?? [],
    indexHashes: m.indexHashes ?? [],
    taxonomy: m.taxonomy ?? { topics: [] },
    taxonomySha256: m.taxonomySha256 ?? '',
    lastSuccessAt: m.lastSuccessAt ?? '',
    lastAttemptAt: m.lastAttemptAt ?? '',
    lastError: m.lastError ?? null,
    lastChange: m.lastChange ?? { added: [], updated: [], removed: [], addedCount: 0, updatedCount: 0, removedCount: 0, initial: true, at: '' },
    ...(m.feedBytes === undefined ? {} : { feedBytes: m.feedBytes }),
  }
}
