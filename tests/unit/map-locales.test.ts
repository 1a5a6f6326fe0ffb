import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { flatten, type Tree } from '../fixtures/locale-tree'

// The map's messages live apart (locales/map/) so that they load with the map, not at start-up; they follow
// the same rules as the main files: every language has every key of English, with its placeholders, sorted.
const dir = new URL('../../locales/', import.meta.url)
const languages = readdirSync(dir).filter(f => f.endsWith('.json'))

const read = (file: string): Tree => JSON.parse(readFileSync(new URL(`map/${file}`, dir), 'utf8')) as Tree
const placeholders = (message: string): string[] => [...new Set(message.match(/\{\w+\}/g) ?? [])].sort()
const en = flatten(read('en.json'))

describe('map messages (locales/map/)', () => {
  it('exist for every language of the interface and no other', () => {
    expect(readdirSync(new URL('map/', dir)).filter(f => f.endsWith('.json')).sort()).toEqual([...languages].sort())
  })

  for (const file of languages) {
    it(`${file}: every English key, its placeholders, no plural forms, keys sorted`, () => {
      const tree = read(file)
      const messages = flatten(tree)
      expect([...messages.keys()].sort()).toEqual([...en.keys()].sort())
      for (const [key, english] of en) {
        expect(placeholders(messages.get(key)!), key).toEqual(placeholders(english))
        // One form for every count: the plural rules of each language are not needed here.
        expect(messages.get(key), key).not.toContain(' | ')
      }
      const sorted = (t: Tree): boolean => Object.keys(t).join() === Object.keys(t).sort().join() && Object.values(t).every(v => typeof v === 'string' || sorted(v))
      expect(sorted(tree)).toBe(true)
    })
  }
})
