import { readdirSync, readFileSync } from 'node:fs'
import { baseCompile } from '@intlify/message-compiler'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../src/i18n/localeList'
import { pluralCategories } from '../../src/i18n/plural'
import { flatten, type Tree } from '../fixtures/locale-tree'

const dir = new URL('../../locales/', import.meta.url)
const files = readdirSync(dir).filter(f => f.endsWith('.json'))
/** The message groups that load with their views (locales/<group>/), each a set of files like the main one. */
const groups = readdirSync(dir, { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => `${entry.name}/`)
const sets = ['', ...groups]

const tree = (file: string): Tree => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Tree
const load = (file: string): Map<string, string> => flatten(tree(file))
const placeholders = (message: string): string[] => [...new Set(message.match(/\{\w+\}/g) ?? [])].sort()
const isPlural = (message: string): boolean => message.includes(' | ')

/** The errors vue-i18n's own compiler reports for a message (the build precompiles every one of them). */
function compileErrors(message: string): string[] {
  const errors: string[] = []
  baseCompile(message, { onError: error => errors.push(error.message), mode: 'arrow' })
  return errors
}

describe('locale files', () => {
  it('cover the languages of the source site and of the catalogue\'s countries, 28 in all', () => {
    const tags = ['ar', 'ca', 'da', 'de', 'el', 'en', 'es', 'eu', 'fi', 'fr', 'he', 'hr', 'is', 'it', 'ja', 'ko', 'nb', 'nl', 'pl', 'pt-PT', 'ro', 'ru', 'sq', 'sr-Cyrl', 'sr-Latn', 'sv', 'tr', 'uk']
    expect(files.map(f => f.replace(/\.json$/, '')).sort()).toEqual(tags)
  })

  it('catch what they should: a broken message, a stray placeholder', () => {
    // The checks above must be able to fail; these are the faults they look for.
    expect(compileErrors('Show {count')).not.toEqual([])
    expect(compileErrors('write to a@b.c')).not.toEqual([])
    expect(placeholders('{n} of {total}')).toEqual(['{n}', '{total}'])
  })

  it('keep their keys sorted, so they diff and merge cleanly', () => {
    const check = (t: Tree, path: string): void => {
      const keys = Object.keys(t)
      expect(keys, path).toEqual([...keys].sort())
      for (const [k, v] of Object.entries(t)) {
        if (typeof v !== 'string')
          check(v, `${path}.${k}`)
      }
    }
    for (const set of sets) {
      for (const file of files)
        check(tree(`${set}${file}`), `${set}${file}`)
    }
  })

  it('put their groups in files for every language and no other, each key in one place only', () => {
    const seen = new Map<string, string>()
    for (const set of sets) {
      expect(readdirSync(new URL(set || '.', dir)).filter(f => f.endsWith('.json')).sort(), set).toEqual([...files].sort())
      for (const key of load(`${set}en.json`).keys()) {
        expect(seen.get(key), key).toBeUndefined()
        seen.set(key, set)
      }
    }
    expect(groups).toEqual(expect.arrayContaining(['map/', 'saved/', 'settings/']))
  })

  it('name each language as the switcher does, so the name does not change when the list loads', () => {
    for (const file of files) {
      const tag = file.replace(/\.json$/, '')
      expect(load(file).get('language.native_name'), tag).toBe(LOCALES.find(l => l.tag === tag)?.nativeName)
    }
  })

  for (const set of sets) {
    const en = load(`${set}en.json`)
    for (const file of files.filter(f => f !== 'en.json')) {
      const tag = file.replace(/\.json$/, '')
      describe(`${set}${tag}`, () => {
        const messages = load(`${set}${file}`)

        it('has every key of en.json and no other', () => {
          expect([...en.keys()].filter(k => !messages.has(k)), 'missing').toEqual([])
          expect([...messages.keys()].filter(k => !en.has(k)), 'not in en.json').toEqual([])
        })

        it('keeps every placeholder of each English message', () => {
          for (const [key, english] of en) {
            const translated = messages.get(key)
            if (translated !== undefined)
              expect(placeholders(translated), key).toEqual(placeholders(english))
          }
        })

        it('has only messages that compile, none of them empty', () => {
          for (const [key, message] of messages) {
            expect(compileErrors(message), key).toEqual([])
            expect(message.trim(), key).not.toBe('')
          }
        })

        it('uses no placeholder the English message lacks, in any plural form', () => {
          for (const [key, translated] of messages) {
            const allowed = new Set(placeholders(en.get(key) ?? ''))
            for (const form of translated.split(' | '))
              expect(placeholders(form).filter(p => !allowed.has(p)), key).toEqual([])
          }
        })

        it('makes no plural message of a message English does not inflect', () => {
          for (const [key, english] of en) {
            if (!isPlural(english))
              expect(messages.get(key) ?? '', key).not.toMatch(/(?<!\\)\|/)
          }
        })

        it('gives each plural message one form per plural category of the language', () => {
          const forms = pluralCategories(tag).length
          for (const [key, english] of en) {
            if (isPlural(english))
              expect(messages.get(key)?.split(' | ').length, key).toBe(forms)
          }
        })
      })
    }
  }

  const english = new Map(sets.flatMap(set => [...load(`${set}en.json`)]))

  it('English messages compile', () => {
    for (const [key, message] of english)
      expect(compileErrors(message), key).toEqual([])
  })

  it('English plural messages have one form per English plural category', () => {
    for (const [key, message] of english) {
      if (isPlural(message))
        expect(message.split(' | ').length, key).toBe(pluralCategories('en').length)
    }
  })
})
