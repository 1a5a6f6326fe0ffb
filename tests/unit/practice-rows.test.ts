import { describe, expect, it } from 'vitest'
import { joinPractice, toPracticeRow, toTextRow } from '../../src/db/practices'
import { makePractice } from '../fixtures/feeds/practices'

describe('practice rows', () => {
  it('keep a teaser-only practice marked as such, with its source link', () => {
    const p = makePractice(1, { teaserOnly: true, sourceUrl: 'https://example.org/en/web/x/-/one' })
    const back = joinPractice(toPracticeRow(p, 'a'.repeat(64)), toTextRow(p))
    expect(back.teaserOnly).toBe(true)
    expect(back.sourceUrl).toBe('https://example.org/en/web/x/-/one')
  })

  it('leave a practice with its full text unmarked', () => {
    const p = makePractice(2)
    expect(toPracticeRow(p, 'a'.repeat(64))).not.toHaveProperty('teaserOnly')
    expect(joinPractice(toPracticeRow(p, 'a'.repeat(64)), toTextRow(p))).toEqual(p)
  })
})
