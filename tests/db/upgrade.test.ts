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

/** Every older version, built with the odd rows old code, other tools or a damaged disk may have left. */
const OLDER_VERSIONS: Record<number, (name: string) => Promise<void>> = {
  1: async (name) => {
    const old = new Dexie(name)
    old.version(1).stores(STORES_V1)
    await old.open()
    await old.table('saved').bulkPut([
      { practiceId: 'far-future', createdAt: 1e20, note: 'kept' },
      { practiceId: 'far-past', createdAt: -1e20 },
      { practiceId: 'not-a-number', createdAt: Number.NaN },
      { practiceId: 'a-string', createdAt: '2024-05-01T10:00:00Z', note: 42 },
      { practiceId: 'garbage-string', createdAt: 'yesterday-ish' },
      { practiceId: 'missing' },
      { practiceId: 17, createdAt: Date.UTC(2024, 0, 1) },
      { practiceId: 'odd-practice', createdAt: Date.UTC(2024, 0, 1) },
    ])
    await old.table('practices').bulkPut([
      { id: 'odd-practice', title: 7, period: 'since 2010', topics: 'education', country: null },
      { id: 'far-future', period: [2010], topics: [1, 'housing'] },
    ])
    old.close()
  },
}

describe('upgrading odd old data', () => {
  it('covers every older version', () => {
    expect(Object.keys(OLDER_VERSIONS).map(Number)).toEqual(Array.from({ length: CURRENT_VERSION - 1 }, (_, i) => i + 1))
  })

  for (const [version, build] of Object.entries(OLDER_VERSIONS)) {
    it(`opens a version-${version} database with odd rows, keeping every bookmark with readable dates`, async () => {
      const name = uniqueName()
      await build(name)
      const db = createDatabase(name)
      await db.open()
      expect(db.verno).toBe(CURRENT_VERSION)
      const bookmarks = await db.bookmarks.toArray()
      expect(bookmarks.map(b => b.id).sort()).toEqual(['17', 'a-string', 'far-future', 'far-past', 'garbage-string', 'missing', 'not-a-number', 'odd-practice'])
      for (const b of bookmarks) {
        expect(Number.isFinite(Date.parse(b.savedAt)), b.id).toBe(true)
        expect(typeof b.note).toBe('string')
        expect(typeof b.snapshot.title).toBe('string')
        expect(typeof b.snapshot.period.text).toBe('string')
        expect(Array.isArray(b.snapshot.topics)).toBe(true)
      }
      const byId = new Map(bookmarks.map(b => [b.id, b]))
      expect(byId.get('a-string')).toMatchObject({ savedAt: '2024-05-01T10:00:00.000Z', note: '' })
      expect(byId.get('far-future')).toMatchObject({ note: 'kept', snapshot: { topics: ['housing'], period: { text: '', ongoing: false } } })
      expect(byId.get('odd-practice')?.snapshot).toMatchObject({ title: 'odd-practice', period: { text: 'since 2010', ongoing: false }, topics: [], country: '' })
      db.close()
    })
  }
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
