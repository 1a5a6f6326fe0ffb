import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { createDatabase, CURRENT_VERSION, getSetting, getSettings, onVersionChange, STORES_V1, type SavedRowV1 } from '../../src/db'
import { makePractice } from '../fixtures/feeds/practices'
import { setup } from './harness'

let n = 0
const uniqueName = () => `upgrade-${++n}-${Math.random().toString(36).slice(2)}`

/** A database as version 1 of the app left it. */
async function makeV1(name: string) {
  const old = new Dexie(name)
  old.version(1).stores(STORES_V1)
  await old.open()
  const p = makePractice(7)
  await old.table('practices').put({ id: p.id, title: p.title, country: p.country, city: p.city, period: p.period, topics: p.topics, language: p.language, summary: p.summary, body: p.body })
  await old.table('meta').put({ key: 'version', value: 'old-feed-version' })
  const saved: SavedRowV1[] = [
    { practiceId: p.id, createdAt: Date.UTC(2024, 4, 1), note: 'Ask about the volunteers' },
    { practiceId: 'pt-lisbon-gone', createdAt: Date.UTC(2024, 5, 2) },
  ]
  await old.table('saved').bulkPut(saved)
  await old.table('settings').bulkPut([
    { key: 'locale', value: 'fr' },
    { key: 'textScale', value: 1.25 },
    { key: 'syncOnCellular', value: false },
    { key: 'feedUrl', value: 'https://mirror.example.org/feed/manifest.json' },
  ])
  old.close()
  return { practice: p }
}

describe('upgrade from version 1', () => {
  it('keeps every bookmark, note and setting', async () => {
    const name = uniqueName()
    const { practice } = await makeV1(name)
    const db = createDatabase(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(db.tables.map(t => t.name)).not.toContain('saved')

    const bookmarks = await db.bookmarks.orderBy('savedAt').toArray()
    expect(bookmarks).toEqual([
      {
        id: practice.id,
        savedAt: '2024-05-01T00:00:00.000Z',
        note: 'Ask about the volunteers',
        noteUpdatedAt: '2024-05-01T00:00:00.000Z',
        tags: [],
        snapshot: { title: practice.title, city: practice.city, country: practice.country, period: practice.period, summary: practice.summary, topics: practice.topics, language: 'en' },
        snapshotAt: '2024-05-01T00:00:00.000Z',
        removedFromCatalogue: false,
      },
      expect.objectContaining({ id: 'pt-lisbon-gone', note: '', snapshot: expect.objectContaining({ title: 'pt-lisbon-gone' }) }),
    ])
    expect(await getSettings(db)).toMatchObject({ locale: 'fr', textScale: 1.25, syncOnCellular: false, feedUrl: 'https://mirror.example.org/feed/manifest.json' })
    expect(await getSetting(db, 'theme')).toBe('system')
    // The old catalogue lacked the new fields: it is dropped so the next sync starts afresh.
    expect(await db.practices.count()).toBe(0)
    expect(await db.meta.count()).toBe(0)
    db.close()
  })

  it('lets the first sync after the upgrade refresh the migrated snapshots, without badges', async () => {
    const name = uniqueName()
    await makeV1(name)
    const h = setup({ count: 10, shardCount: 1, db: createDatabase(name) })
    h.publish(h.practices().map(p => (p.id === makePractice(7).id ? { ...p, title: 'Renamed since' } : p)))
    expect((await h.sync()).status).toBe('updated')
    expect(await h.db.bookmarks.get(makePractice(7).id)).toMatchObject({ note: 'Ask about the volunteers', snapshot: { title: 'Renamed since' } })
    expect(await h.db.bookmarks.get('pt-lisbon-gone')).toBeDefined()
    expect(await h.db.unseen.count()).toBe(0)
  })
})

describe('another tab upgrading', () => {
  it('closes this connection and tells the UI', async () => {
    const name = uniqueName()
    const db = createDatabase(name)
    await db.open()
    let told = 0
    const stop = onVersionChange(() => { told++ }, db)
    const newer = new Dexie(name)
    newer.version(CURRENT_VERSION + 1).stores({ extra: 'id' })
    await newer.open()
    expect(told).toBe(1)
    expect(db.lifecycle.versionChanged).toBe(true)
    expect(db.isOpen()).toBe(false)
    // A late subscriber hears of it too.
    await new Promise<void>(resolve => onVersionChange(resolve, db))
    stop()
    newer.close()
  })
})
