import { describe, expect, it } from 'vitest'
import { checkPractice } from '../../src/catalogue/schema'
import { normalize } from '../../src/search/index'
import { synthPractices, toSerbianCyrillic } from '../../tools/synth/lib'
import { TOPICS } from '../../tools/synth/vocab'

describe('synthPractices', () => {
  const practices = synthPractices(400, 7)

  it('is deterministic, and a smaller run is a prefix of a larger one', () => {
    expect(JSON.stringify(synthPractices(400, 7))).toBe(JSON.stringify(practices))
    expect(JSON.stringify(synthPractices(50, 7))).toBe(JSON.stringify(practices.slice(0, 50)))
    expect(synthPractices(5, 8)[0]!.id).not.toBe(practices[0]!.id)
  })

  it('produces records that pass the catalogue schema, with unique ids', () => {
    for (const p of practices) {
      const r = checkPractice(p)
      expect(r.ok ? [] : r.issues).toEqual([])
    }
    expect(new Set(practices.map(p => p.id)).size).toBe(practices.length)
  })

  it('has realistic shapes', () => {
    const words = (s: string): number => s.split(/\s+/).filter(Boolean).length
    for (const p of practices) {
      expect(words(p.title)).toBeGreaterThanOrEqual(3)
      expect(words(p.title)).toBeLessThanOrEqual(16)
      expect(words(p.summary)).toBeGreaterThanOrEqual(40)
      expect(words(p.summary)).toBeLessThanOrEqual(60)
      const body = words(p.body.replace(/^## .*$/gm, ''))
      expect(body).toBeGreaterThanOrEqual(290)
      expect(body).toBeLessThanOrEqual(810)
      expect(p.body.startsWith('## ')).toBe(true)
      expect(p.topics.length).toBeGreaterThanOrEqual(1)
      expect(p.topics.length).toBeLessThanOrEqual(3)
      expect(p.topics.every(t => (TOPICS as readonly string[]).includes(t))).toBe(true)
    }
    const languages = new Set(practices.map(p => p.language))
    expect([...languages].sort()).toEqual(expect.arrayContaining(['en', 'fr', 'sr-Latn']))
    expect(practices.filter(p => p.language === 'en').length).toBeGreaterThan(practices.length * 0.5)
    expect(practices.some(p => p.translations?.['sr-Cyrl'])).toBe(true)
    expect(practices.some(p => p.period.ongoing && p.period.start === undefined)).toBe(true)
    expect(practices.some(p => p.period.end !== undefined && p.period.start !== p.period.end)).toBe(true)
    expect(new Set(practices.map(p => p.country)).size).toBeGreaterThan(15)
  })

  it('writes Serbian Cyrillic that normalises like the Latin original', () => {
    expect(toSerbianCyrillic('Ljubljana, Njegoš, džamija, Đorđe')).toBe('Љубљана, Његош, џамија, Ђорђе')
    expect(normalize(toSerbianCyrillic('međukulturni dijalog u Čačku'))).toBe(normalize('međukulturni dijalog u Čačku'))
  })
})
