/** Fuzzing the importer: damaged or hostile pages give records and problems, never a crash or a runaway. */
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkPractice } from '../../src/catalogue/schema'
import { importPages, type SourceText } from '../../tools/import/pipeline'

const RUNS = { numRuns: 60, seed: 15 }
const SLOW_MS = 1500

const dirs = [new URL('../../catalogue/sources/', import.meta.url), new URL('../fixtures/pages/', import.meta.url)]
const pages = dirs.flatMap(dir => readdirSync(dir).filter(f => f.endsWith('.txt')).map(f => readFileSync(new URL(f, dir), 'utf8')))

const junk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('\n', '\n\n', '\u202E', '\u0000', 'Since 2014', '2015-2020 / 2021-25', 'Read more', '# ', '## How', 'https://www.coe.int/en/web/interculturalcities/-/x', '1 - 12 of 999'),
)

/** A real page, damaged: lines dropped, repeated or replaced, junk spliced in. */
const damagedPage = fc.record({
  page: fc.nat(pages.length - 1),
  edits: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('drop', 'repeat', 'replace', 'insert'), junk }), { maxLength: 12 }),
}).map(({ page, edits }) => {
  const lines = pages[page]!.split('\n')
  for (const e of edits) {
    const i = e.at % Math.max(1, lines.length)
    if (e.kind === 'drop')
      lines.splice(i, 1)
    else if (e.kind === 'repeat')
      lines.splice(i, 0, ...lines.slice(i, i + 5))
    else if (e.kind === 'replace')
      lines[i] = e.junk
    else
      lines.splice(i, 0, e.junk)
  }
  return lines.join('\n')
})

const source: fc.Arbitrary<SourceText> = fc.record({
  file: fc.constantFrom('a.txt', 'b.txt'),
  text: fc.oneof(damagedPage, fc.string({ unit: 'binary', maxLength: 2000 })),
  url: fc.option(fc.oneof(fc.webUrl(), fc.constant('https://www.coe.int/en/web/interculturalcities/-/bilbao-anti-rumour'), fc.string({ maxLength: 40 })), { nil: undefined }),
}, { requiredKeys: ['file', 'text'] })

describe('importPages on damaged and hostile pages', () => {
  it('gives valid records and located problems, in reasonable time', () => {
    fc.assert(fc.property(fc.array(source, { minLength: 1, maxLength: 3 }), (sources) => {
      const start = performance.now()
      const result = importPages(sources)
      expect(performance.now() - start).toBeLessThan(SLOW_MS)
      for (const p of result.practices)
        expect(checkPractice(p).ok, p.id).toBe(true)
      for (const problem of result.problems) {
        expect(typeof problem.message).toBe('string')
        expect(Number.isInteger(problem.line)).toBe(true)
      }
      expect(result.pages).toHaveLength(sources.length)
    }), RUNS)
  })
})
