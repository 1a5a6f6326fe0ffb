/**
 * One file-name case per kind of file (CONTRIBUTING.md, "File names"): a reader knows a file's kind from its
 * name, and a name is not spelled two ways in imports.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

const PASCAL_VUE = /^[A-Z][A-Za-z0-9]*\.vue$/
const CAMEL_TS = /^[a-z][A-Za-z0-9]*(\.d)?\.ts$/
const KEBAB_TS = /^[a-z0-9]+(-[a-z0-9]+)*(\.(bench|test|e2e))?\.ts$/
const LANGUAGE_TAG_JSON = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?\.json$/

/** The case a file's name must have, from where it is and what it is; undefined for files no rule covers. */
function expectedCase(path: string): RegExp | undefined {
  const [top, second] = path.split('/')
  const isVue = path.endsWith('.vue')
  const isTs = path.endsWith('.ts')
  if (top === 'src')
    return isVue ? PASCAL_VUE : isTs ? CAMEL_TS : undefined
  if (top === 'tools' && isTs)
    // Commands (tools/*.ts) and benchmarks are named as they are run; the modules of a tool's folder as in src/.
    return path.split('/').length === 2 || second === 'bench' ? KEBAB_TS : CAMEL_TS
  if (top === 'tests' && isTs)
    return KEBAB_TS
  if (top === 'locales' && path.endsWith('.json'))
    return LANGUAGE_TAG_JSON
  return undefined
}

function filesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
}

describe('file names', () => {
  const files = ['src', 'tools', 'tests', 'locales'].flatMap(filesUnder)

  it('follow the case of their kind', () => {
    const checked = files.filter(path => expectedCase(path))
    expect(checked.length).toBeGreaterThan(300)
    const wrong = checked.filter(path => !expectedCase(path)!.test(path.split('/').pop()!))
    expect(wrong).toEqual([])
  })

  it('catch a name in the wrong case', () => {
    const rejected = (path: string): boolean => !expectedCase(path)!.test(path.split('/').pop()!)
    expect(rejected('src/components/practice/practice-card.vue')).toBe(true)
    expect(rejected('src/search/segment-builder.ts')).toBe(true)
    expect(rejected('tools/buildFeed.ts')).toBe(true)
    expect(rejected('tools/bench/searchMix.ts')).toBe(true)
    expect(rejected('tools/feed/interface-languages.ts')).toBe(true)
    expect(rejected('tests/unit/urlState.test.ts')).toBe(true)
    expect(rejected('locales/pt_PT.json')).toBe(true)
    expect(rejected('src/components/practice/PracticeCard.vue')).toBe(false)
    expect(rejected('tools/bench/search.bench.ts')).toBe(false)
    expect(rejected('locales/sr-Latn.json')).toBe(false)
  })

  it('are explained: every folder of src/ and tools/ has a README', () => {
    const folders = ['src', 'tools'].flatMap(top => [top, ...readdirSync(join(root, top), { recursive: true, withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))])
    expect(folders.length).toBeGreaterThan(20)
    expect(folders.filter(folder => !existsSync(join(root, folder, 'README.md')))).toEqual([])
  })
})
