import { describe, expect, it } from 'vitest'
import { countryCodeFromName, findCountryPrefix } from '../../src/catalogue/countries'

describe('countryCodeFromName', () => {
  it.each([
    // the site's English names, including those ICU spells differently
    ['United Kingdom', 'GB'], ['South Korea', 'KR'], ['Republic of Korea', 'KR'], ['Czech Republic', 'CZ'],
    ['Turkey', 'TR'], ['Türkiye', 'TR'], ['United States', 'US'], ['Russia', 'RU'], ['Mexico', 'MX'], ['Ireland', 'IE'],
    // one country in every supported language
    ['Royaume-Uni', 'GB'], ['Ujedinjeno Kraljevstvo', 'GB'], ['Уједињено Краљевство', 'GB'], ['Reino Unido', 'GB'],
    ['Regno Unito', 'GB'], ['Vereinigtes Königreich', 'GB'], ['Велика Британія', 'GB'],
    ['Suisse', 'CH'], ['Švajcarska', 'CH'], ['Швајцарска', 'CH'], ['Suiza', 'CH'], ['Svizzera', 'CH'], ['Suíça', 'CH'], ['Schweiz', 'CH'], ['Швейцарія', 'CH'],
    // case, accents and punctuation do not matter
    ['UNITED KINGDOM', 'GB'], ['corée du sud', 'KR'], ['Svajcarska', 'CH'], ['Bosnia & Herzegovina', 'BA'],
    // deprecated codes are never returned
    ['Serbia', 'RS'], ['Germany', 'DE'], ['Myanmar', 'MM'], ['Burma', 'MM'],
  ])('%s → %s', (name, code) => {
    expect(countryCodeFromName(name)).toBe(code)
  })

  it.each(['Atlantis', '', 'Leeds', 'European Union', 'Unknown Region', 'United Nations'])('%j is not a country', (name) => {
    expect(countryCodeFromName(name)).toBeUndefined()
  })

  it('accepts a language hint', () => {
    expect(countryCodeFromName('Irska', 'sr-Latn')).toBe('IE')
    expect(countryCodeFromName('Irska', 'sr')).toBe('IE')
    expect(countryCodeFromName('Allemagne', 'fr-CH')).toBe('DE')
  })
})

describe('findCountryPrefix', () => {
  it.each([
    ['United Kingdom Leeds 2022', 'GB', 2],
    ['South Korea Ansan 2020', 'KR', 2],
    ['Portugal Santa Maria da Feira ongoing', 'PT', 1],
    ['Mexico Mexico', 'MX', 1],
    ['Ireland OD 2020', 'IE', 1],
    ['Royaume-Uni Leeds 2022', 'GB', 1],
    ['Ujedinjeno Kraljevstvo Lids 2022', 'GB', 2],
  ])('%s', (line, code, wordCount) => {
    expect(findCountryPrefix(line.split(' '))).toEqual({ code, wordCount })
  })

  it('finds nothing when the words do not start with a country', () => {
    expect(findCountryPrefix(['Leeds', 'United', 'Kingdom'])).toBeUndefined()
    expect(findCountryPrefix([])).toBeUndefined()
  })
})
