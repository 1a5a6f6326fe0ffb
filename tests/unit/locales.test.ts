import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { pluralCategories } from '../../src/i18n/plural'

const dir = new URL('../../locales/', import.meta.url)
const files = readdirSync(dir).filter(f => f.endsWith('.json'))
type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string')
      out.set(prefix + key, value)
    else
      for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

function load(file: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Tree)
}

const en = load('en.json')
const placeholders = (message: string): string[] => [...new Set(message.match(/\{\w+\}/g) ?? [])].sort()
const isPlural = (message: string): boolean => message.includes(' | ')

describe('locale files', () => {
  it('include English and at least French and Serbian in both scripts', () => {
    expect(files).toEqual(expect.arrayContaining(['en.json', 'fr.json', 'sr-Latn.json', 'sr-Cyrl.json']))
  })

  it('keep their keys sorted, so they diff and merge cleanly', () => {
    const check = (tree: Tree, path: string): void => {
      const keys = Object.keys(tree)
      expect(keys, path).toEqual([...keys].sort())
      for (const [k, v] of Object.entries(tree)) {
        if (typeof v !== 'string')
          check(v, `${path}.${k}`)
      }
    }
    check(JSON.parse(readFileSync(new URL('en.json', dir), 'utf8')) as Tree, 'en')
  })

  for (const file of files.filter(f => f !== 'en.json')) {
    const tag = file.replace(/\.json$/, '')
    describe(tag, () => {
      const messages = load(file)

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

      it('gives each plural message one form per plural category of the language', () => {
        const forms = pluralCategories(tag).length
        for (const [key, english] of en) {
          if (isPlural(english))
            expect(messages.get(key)?.split(' | ').length, key).toBe(forms)
        }
      })
    })
  }

  it('English plural messages have one form per English plural category', () => {
    for (const [key, message] of en) {
      if (isPlural(message))
        expect(message.split(' | ').length, key).toBe(pluralCategories('en').length)
    }
  })
})
