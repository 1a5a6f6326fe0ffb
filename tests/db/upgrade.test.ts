import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { createDatabase, CURRENT_VERSION, getSetting, onVersionChange, STORES_V1, STORES_V2, STORES_V3, toTextRow, type Bookmark, type DraftRowV2, type SavedRowV1 } from '../../src/db'
import { emptyDraftFields } from '../../src/catalogue/draft'
import { addDraftPhoto, createDraft, listDrafts } from '../../src/db/drafts'
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
    expect(await getSetting(db, 'locale')).toBe('fr')
    expect(await getSetting(db, 'textScale')).toBe(1.25)
    expect(await getSetting(db, 'syncOnCellular')).toBe(false)
    expect(await getSetting(db, 'feedUrl')).toBe('https://mirror.example.org/feed/manifest.json')
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

function bookmarkV2(id: string, extra: Partial<Bookmark> = {}): Bookmark {
  const p = makePractice(Number(id.replace(/\D/g, '')) || 1)
  return {
    id,
    savedAt: '2025-03-01T08:00:00.000Z',
    note: '',
    tags: [],
    snapshot: { title: p.title, city: p.city, country: p.country, period: p.period, summary: p.summary, topics: p.topics, language: p.language },
    snapshotAt: '2025-03-01T08:00:00.000Z',
    removedFromCatalogue: false,
    ...extra,
  }
}

/** A database as version 2 of the app left it: a synced catalogue, bookmarks, settings, badges, drafts. */
async function makeV2(name: string, drafts: unknown[] = []) {
  const old = new Dexie(name)
  old.version(2).stores(STORES_V2)
  await old.open()
  const practices = [makePractice(1), makePractice(2), makePractice(3)]
  await old.table('practices').bulkPut(practices.map(p => ({
    id: p.id, slug: p.slug, title: p.title, country: p.country, city: p.city, period: p.period, topics: p.topics,
    language: p.language, summary: p.summary, updatedAt: p.updatedAt, shard: 'shard-a', startYear: p.period.start, titles: { fr: 'Titre' },
  })))
  await old.table('texts').bulkPut(practices.map(toTextRow))
  await old.table('meta').bulkPut([{ key: 'version', value: 'feed-v2' }, { key: 'practiceCount', value: 3 }])
  await old.table('searchSegments').put({ sha256: 'seg-a', shardSha256: 'shard-a', data: new ArrayBuffer(8) })
  await old.table('unseen').put({ id: practices[1]!.id, kind: 'updated', at: '2025-03-02T00:00:00.000Z' })
  const bookmarks = [
    bookmarkV2('b1', { note: 'Ask about the volunteers', noteUpdatedAt: '2025-03-02T09:00:00.000Z', tags: ['Housing', 'Roma inclusion'] }),
    bookmarkV2('b2', { tags: ['Schools'] }),
    bookmarkV2('b3', { removedFromCatalogue: true, savedAt: '2024-01-01T00:00:00.000Z' }),
  ]
  await old.table('bookmarks').bulkPut(bookmarks)
  const settings = [
    { key: 'locale', value: 'sr-Cyrl' },
    { key: 'theme', value: 'dark' },
    { key: 'textScale', value: 1.5 },
    { key: 'feedUrl', value: 'https://mirror.example.org/feed/manifest.json' },
    { key: 'installHintDismissed', value: true },
  ]
  await old.table('settings').bulkPut(settings)
  await old.table('drafts').bulkPut(drafts)
  old.close()
  return { practices, bookmarks, settings }
}

describe('upgrade from version 2', () => {
  it('keeps every bookmark, note, tag, setting, badge and the whole catalogue, with only the indexes a query reads', async () => {
    const name = uniqueName()
    const { practices, bookmarks, settings } = await makeV2(name)
    const db = createDatabase(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(db.tables.map(t => t.name)).not.toContain('drafts')
    expect(db.practices.schema.indexes.map(i => i.name)).toEqual(['shard'])
    expect(db.bookmarks.schema.indexes.map(i => i.name)).toEqual(['savedAt'])

    expect(await db.bookmarks.orderBy('savedAt').toArray()).toEqual([bookmarks[2], bookmarks[0], bookmarks[1]])
    expect(await db.settings.toArray()).toEqual([...settings].sort((a, b) => a.key.localeCompare(b.key)))
    expect(await getSetting(db, 'locale')).toBe('sr-Cyrl')
    // The catalogue stays: an offline device keeps its list, and the next sync downloads only what changed.
    expect((await db.practices.toArray()).map(r => r.id)).toEqual(practices.map(p => p.id).sort())
    expect(await db.practices.where('shard').equals('shard-a').count()).toBe(3)
    expect(await db.texts.count()).toBe(3)
    expect(await db.meta.get('version')).toEqual({ key: 'version', value: 'feed-v2' })
    expect(await db.searchSegments.where('shardSha256').equals('shard-a').primaryKeys()).toEqual(['seg-a'])
    expect(await db.unseen.toArray()).toEqual([{ id: practices[1]!.id, kind: 'updated', at: '2025-03-02T00:00:00.000Z' }])
    db.close()
  })

  it('turns a draft into the note of its bookmark when that note is empty, and never overwrites a note', async () => {
    const name = uniqueName()
    const drafts: DraftRowV2[] = [
      { id: 'b1', note: 'half a second thought', at: '2025-04-01T00:00:00.000Z' },
      { id: 'b2', note: 'Call the school', at: '2025-04-02T00:00:00.000Z' },
      { id: 'not-saved', note: 'lost nothing', at: '2025-04-03T00:00:00.000Z' },
    ]
    const { bookmarks } = await makeV2(name, drafts)
    const db = createDatabase(name)
    await db.open()
    expect(await db.bookmarks.get('b1')).toEqual(bookmarks[0])
    expect(await db.bookmarks.get('b2')).toEqual({ ...bookmarks[1], note: 'Call the school', noteUpdatedAt: '2025-04-02T00:00:00.000Z' })
    expect(await db.bookmarks.get('not-saved')).toBeUndefined()
    expect(await db.bookmarks.count()).toBe(3)
    db.close()
  })
})

/** A database as version 3 left it: built the way version 3 declared its stores, with every kind of row. */
async function makeV3(name: string) {
  const old = new Dexie(name)
  old.version(2).stores(STORES_V2)
  old.version(3).stores(STORES_V3)
  await old.open()
  const practice = makePractice(4)
  await old.table('practices').put({ id: practice.id, slug: practice.slug, title: practice.title, country: practice.country, city: practice.city, period: practice.period, topics: practice.topics, language: practice.language, summary: practice.summary, updatedAt: practice.updatedAt, shard: 'shard-b' })
  await old.table('texts').put(toTextRow(practice))
  await old.table('meta').put({ key: 'version', value: 'feed-v3' })
  await old.table('unseen').put({ id: practice.id, kind: 'new', at: '2026-01-02T00:00:00.000Z' })
  const bookmark = bookmarkV2('b4', { note: 'Ask for the budget', tags: ['Lublin'] })
  await old.table('bookmarks').put(bookmark)
  await old.table('settings').bulkPut([{ key: 'locale', value: 'pl' }, { key: 'feedUrl', value: 'https://mirror.example.org/feed/manifest.json' }])
  old.close()
  return { practice, bookmark }
}

describe('upgrade from version 3', () => {
  it('keeps the catalogue, bookmarks, badges and settings, and adds empty drafts tables that take drafts', async () => {
    const name = uniqueName()
    const { practice, bookmark } = await makeV3(name)
    const db = createDatabase(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(await db.practices.get(practice.id)).toMatchObject({ id: practice.id, shard: 'shard-b' })
    expect(await db.texts.count()).toBe(1)
    expect(await db.meta.get('version')).toEqual({ key: 'version', value: 'feed-v3' })
    expect(await db.unseen.count()).toBe(1)
    expect(await db.bookmarks.toArray()).toEqual([bookmark])
    expect(await getSetting(db, 'locale')).toBe('pl')
    expect(db.practiceDrafts.schema.indexes.map(i => i.name)).toEqual(['updatedAt'])
    expect(db.draftPhotos.schema.indexes.map(i => i.name)).toEqual(['draftId'])
    expect(await db.practiceDrafts.count()).toBe(0)
    const draft = await createDraft(db, emptyDraftFields('pl'))
    expect(await addDraftPhoto(db, draft.id, { blob: new Blob([new Uint8Array([0xFF, 0xD8, 0xFF])], { type: 'image/jpeg' }), width: 4, height: 3 })).toBe('added')
    expect(await listDrafts(db)).toHaveLength(1)
    db.close()
  })

  it('never shows version 2\'s note drafts as drafts of practices', async () => {
    const name = uniqueName()
    await makeV2(name, [{ id: 'b1', note: 'a note being typed', at: '2025-04-01T00:00:00.000Z' }])
    const db = createDatabase(name)
    await db.open()
    expect(await db.practiceDrafts.count()).toBe(0)
    expect(db.tables.map(t => t.name)).not.toContain('drafts')
    db.close()
  })
})

/** Every older version, built with the odd rows old code, other tools or a damaged disk may have left. */
interface OddVersion {
  build: (name: string) => Promise<void>
  /** What the upgraded bookmarks must show of the odd rows. */
  check: (byId: Map<string, Bookmark>) => void
}

const OLDER_VERSIONS: Record<number, OddVersion> = {
  1: { build: async (name) => {
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
  }, check: (byId) => {
    expect([...byId.keys()].sort()).toEqual(['17', 'a-string', 'far-future', 'far-past', 'garbage-string', 'missing', 'not-a-number', 'odd-practice'])
    expect(byId.get('a-string')).toMatchObject({ savedAt: '2024-05-01T10:00:00.000Z', note: '' })
    expect(byId.get('far-future')).toMatchObject({ note: 'kept', snapshot: { topics: ['housing'], period: { text: '', ongoing: false } } })
    expect(byId.get('odd-practice')?.snapshot).toMatchObject({ title: 'odd-practice', period: { text: 'since 2010', ongoing: false }, topics: [], country: '' })
  } },
  2: { build: async (name) => {
    // IndexedDB stores only objects with an `id` here; anything inside them may be odd.
    await makeV2(name, [
      { id: 'b2', note: 42, at: 'never' },
      { id: 'b3', note: 'typed on a damaged clock', at: 1e20 },
      { id: 17, note: 'a number for an id' },
      { id: 'b1', note: '   ' },
    ])
  }, check: (byId) => {
    expect([...byId.keys()].sort()).toEqual(['b1', 'b2', 'b3'])
    expect(byId.get('b1')?.note).toBe('Ask about the volunteers')
    expect(byId.get('b2')?.note).toBe('')
    expect(byId.get('b3')).toMatchObject({ note: 'typed on a damaged clock', noteUpdatedAt: expect.any(String) })
  } },
  3: { build: async (name) => {
    await makeV3(name)
    const old = new Dexie(name)
    old.version(3).stores(STORES_V3)
    await old.open()
    await old.table('bookmarks').put({ id: 'odd', savedAt: '2024-01-01T00:00:00.000Z', note: 'kept as it is', tags: [], snapshot: { title: 'Odd', city: '', country: '', period: { text: '', ongoing: false }, summary: '', topics: [], language: 'en' }, snapshotAt: '2024-01-01T00:00:00.000Z', removedFromCatalogue: true })
    old.close()
  }, check: (byId) => {
    expect([...byId.keys()].sort()).toEqual(['b4', 'odd'])
    expect(byId.get('odd')).toMatchObject({ note: 'kept as it is', removedFromCatalogue: true })
  } },
}

describe('upgrading odd old data', () => {
  it('covers every older version', () => {
    expect(Object.keys(OLDER_VERSIONS).map(Number)).toEqual(Array.from({ length: CURRENT_VERSION - 1 }, (_, i) => i + 1))
  })

  for (const [version, { build, check }] of Object.entries(OLDER_VERSIONS)) {
    it(`opens a version-${version} database with odd rows, keeping every bookmark with readable dates`, async () => {
      const name = uniqueName()
      await build(name)
      const db = createDatabase(name)
      await db.open()
      expect(db.verno).toBe(CURRENT_VERSION)
      const bookmarks = await db.bookmarks.toArray()
      for (const b of bookmarks) {
        expect(Number.isFinite(Date.parse(b.savedAt)), b.id).toBe(true)
        expect(b.noteUpdatedAt === undefined || Number.isFinite(Date.parse(b.noteUpdatedAt)), b.id).toBe(true)
        expect(typeof b.note).toBe('string')
        expect(typeof b.snapshot.title).toBe('string')
        expect(typeof b.snapshot.period.text).toBe('string')
        expect(Array.isArray(b.snapshot.topics)).toBe(true)
      }
      check(new Map(bookmarks.map(b => [b.id, b])))
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
