import { describe, expect, it } from 'vitest'
import { groupLocales, LOCALES } from '../../src/i18n/localeList'
import { negotiateLocale, textDirection } from '../../src/i18n/locales'
import { pluralCategories, pluralRule } from '../../src/i18n/plural'

const available = ['en', 'fr', 'sr-Latn', 'sr-Cyrl', 'ar']
/** Every UI language the app ships, as the locale files list them. */
const ALL = ['ar', 'ca', 'da', 'de', 'el', 'en', 'es', 'eu', 'fi', 'fr', 'he', 'hr', 'is', 'it', 'ja', 'ko', 'nb', 'nl', 'pl', 'pt-PT', 'ro', 'ru', 'sq', 'sr-Cyrl', 'sr-Latn', 'sv', 'tr', 'uk']

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

  it.each([
    [['sr'], 'sr-Cyrl'],
    [['sr-RS'], 'sr-Cyrl'],
    [['sr-Latn-RS'], 'sr-Latn'],
    [['sr-ME'], 'sr-Latn'],
    [['nb'], 'nb'],
    [['nb-NO'], 'nb'],
    [['no'], 'nb'],
    [['nn-NO'], 'nb'],
    [['pt-BR'], 'pt-PT'],
    [['pt'], 'pt-PT'],
    [['he-IL'], 'he'],
    [['iw'], 'he'],
    [['zh-CN', 'ko-KR'], 'ko'],
    [['ca-ES', 'es'], 'ca'],
    [['zh-CN'], 'en'],
  ])('among all 28: %j → %s', (preferred, expected) => {
    expect(negotiateLocale(preferred, ALL)).toBe(expected)
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

describe('plural selection for 0, 1, 2, 5, 21 and 22', () => {
  const counts = [0, 1, 2, 5, 21, 22]
  const pick = (tag: string): Intl.LDMLPluralRule[] => {
    const categories = pluralCategories(tag)
    const rule = pluralRule(tag)
    return counts.map(n => categories[rule(n, categories.length)]!)
  }
  it.each([
    ['en', ['other', 'one', 'other', 'other', 'other', 'other']],
    ['fr', ['one', 'one', 'other', 'other', 'other', 'other']],
    ['sr-Cyrl', ['other', 'one', 'few', 'other', 'one', 'few']],
    ['sr-Latn', ['other', 'one', 'few', 'other', 'one', 'few']],
    ['uk', ['many', 'one', 'few', 'many', 'one', 'few']],
    ['ru', ['many', 'one', 'few', 'many', 'one', 'few']],
    ['pl', ['many', 'one', 'few', 'many', 'many', 'few']],
    ['hr', ['other', 'one', 'few', 'other', 'one', 'few']],
    ['is', ['other', 'one', 'other', 'other', 'one', 'other']],
    ['he', ['other', 'one', 'two', 'other', 'other', 'other']],
    ['ja', ['other', 'other', 'other', 'other', 'other', 'other']],
    ['ko', ['other', 'other', 'other', 'other', 'other', 'other']],
  ])('%s', (tag, expected) => {
    expect(pick(tag)).toEqual(expected)
  })

  it('gives Polish, Russian and Ukrainian four forms, Japanese one, Hebrew three', () => {
    expect(pluralCategories('pl')).toEqual(['one', 'few', 'many', 'other'])
    expect(pluralCategories('ru')).toEqual(['one', 'few', 'many', 'other'])
    expect(pluralCategories('uk')).toEqual(['one', 'few', 'many', 'other'])
    expect(pluralCategories('ja')).toEqual(['other'])
    expect(pluralCategories('he')).toEqual(['one', 'two', 'other'])
  })
})

describe('the switcher\'s list', () => {
  it('names every language in itself and marks Hebrew and Arabic right-to-left', () => {
    expect(LOCALES.map(l => l.tag).sort()).toEqual(ALL)
    const byTag = Object.fromEntries(LOCALES.map(l => [l.tag, l]))
    expect(byTag.el?.nativeName).toBe('Ελληνικά')
    expect(byTag['sr-Cyrl']?.nativeName).toBe('Српски (ћирилица)')
    expect(LOCALES.filter(l => l.dir === 'rtl').map(l => l.tag).sort()).toEqual(['ar', 'he'])
    expect(LOCALES[0]?.tag).toBe('en')
  })

  it('puts the device\'s languages first, in its order, then the current one, then the rest', () => {
    const { device, other } = groupLocales(LOCALES, ['de-AT', 'nn', 'zh-CN', 'de'], 'fr')
    expect(device.map(l => l.tag)).toEqual(['de', 'nb', 'fr'])
    expect(other).toHaveLength(25)
    expect(other.map(l => l.tag)).not.toContain('de')
    expect([...device, ...other].map(l => l.tag).sort()).toEqual(ALL)
  })
})

describe('text direction', () => {
  it('follows an explicit script', () => {
    expect(textDirection('az-Arab')).toBe('rtl')
    expect(textDirection('he-Latn')).toBe('ltr')
    expect(textDirection('ar-EG')).toBe('rtl')
  })

  it('is right-to-left for Arabic and Hebrew scripts only', () => {
    expect(textDirection('ar')).toBe('rtl')
    expect(textDirection('he')).toBe('rtl')
    expect(textDirection('sr-Cyrl')).toBe('ltr')
    expect(textDirection('uk')).toBe('ltr')
  })
})
