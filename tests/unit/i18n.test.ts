import { describe, expect, it } from 'vitest'
import { negotiateLocale, textDirection } from '../../src/i18n/locales'
import { pluralCategories, pluralRule } from '../../src/i18n/plural'

const available = ['en', 'fr', 'sr-Latn', 'sr-Cyrl', 'ar']

describe('negotiateLocale', () => {
  it.each([
    [['fr-CA', 'en'], 'fr'],
    [['sr'], 'sr-Cyrl'],
    [['sr-RS'], 'sr-Cyrl'],
    [['sr-Latn-RS'], 'sr-Latn'],
    [['sr-Latn'], 'sr-Latn'],
    [['de-DE', 'fr'], 'fr'],
    [['de-DE'], 'en'],
    [[], 'en'],
    [['not a tag!', 'fr'], 'fr'],
    [['EN-gb'], 'en'],
    [['ar-EG', 'fr'], 'ar'],
  ])('%j → %s', (preferred, expected) => {
    expect(negotiateLocale(preferred, available)).toBe(expected)
  })
})

describe('plural rules from Intl.PluralRules', () => {
  it('orders categories as CLDR does', () => {
    expect(pluralCategories('en')).toEqual(['one', 'other'])
    expect(pluralCategories('sr-Latn')).toEqual(['one', 'few', 'other'])
    expect(pluralCategories('fr')).toEqual(['one', 'many', 'other'])
  })

  it('picks the Serbian form for 1, 3, 5, 21 and 22', () => {
    const rule = pluralRule('sr-Latn')
    expect([1, 3, 5, 21, 22, 11].map(n => rule(n, 3))).toEqual([0, 1, 2, 0, 1, 2])
  })

  it('picks French singular for 0 and 1', () => {
    const rule = pluralRule('fr')
    expect([0, 1, 2, 1_000_000].map(n => rule(n, 3))).toEqual([0, 0, 2, 1])
  })

  it('falls back to the last form of a message that has fewer forms', () => {
    expect(pluralRule('sr-Latn')(5, 2)).toBe(1)
  })
})

describe('text direction', () => {
  it('is right-to-left for Arabic and Hebrew scripts only', () => {
    expect(textDirection('ar')).toBe('rtl')
    expect(textDirection('he')).toBe('rtl')
    expect(textDirection('sr-Cyrl')).toBe('ltr')
    expect(textDirection('uk')).toBe('ltr')
  })
})
