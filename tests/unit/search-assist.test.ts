import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAssist, editDistance } from '../../src/search/assist'
import { emptyQuery, openIndex, type QueryContext } from '../../src/search'
import { buildSegment } from '../../src/search/segmentBuilder'
import { countryCodeWord, countryNameText } from '../../src/search/places'
import { interfaceLanguages } from '../../tools/feed/interfaceLanguages'
import { searchPractice as practice } from '../fixtures/search-practice'

const taxonomy = { topics: [{ id: 'refugees', names: { 'en': 'Refugees', 'fr': 'Réfugiés', 'sr-Latn': 'Izbeglice', 'sr-Cyrl': 'Избеглице' } }] }
const index = openIndex([buildSegment([
  practice('mediation', { title: 'Mediation in schools', summary: 'Neighbourhood mediators.', topics: ['refugees'] }),
  practice('porto', { title: 'Welcome desk', country: 'PT', city: 'Porto', body: 'Communities of newcomers.' }),
  practice('besos', { title: 'River park', city: 'Sant Adrià de Besòs', language: 'sr-Latn', body: 'Borba protiv diskriminacijom.' }),
], { taxonomy })])
const assist = createAssist(index, taxonomy)
const ctx: QueryContext = { locale: 'en', currentYear: 2026, countryName: code => code }
const search = (text: string, withForms = true): string[] => index.query({ ...emptyQuery(), text }, withForms ? { ...ctx, wordForms: assist.wordForms } : ctx).ids

describe('edit distance', () => {
  it('counts substitutions, insertions, deletions and swaps of neighbours', () => {
    expect(editDistance('mediation', 'mediation', 2)).toBe(0)
    expect(editDistance('mediaton', 'mediation', 2)).toBe(1)
    expect(editDistance('meditaion', 'mediation', 2)).toBe(1)
    expect(editDistance('dyversiti', 'diversity', 2)).toBe(2)
    expect(editDistance('abc', 'xyzabc', 2)).toBe(3)
  })
})

describe('word forms at query time', () => {
  it('finds other spellings and inflections only once the helpers give the forms', () => {
    expect(search('neighborhood', false)).toEqual(['mediation'])
    expect(search('community', false)).toEqual([])
    expect(search('community')).toEqual(['porto'])
    expect(search('diskriminacija')).toEqual(['besos'])
    expect(search('дискриминација')).toEqual(['besos'])
  })

  it('completes a topic or country name still being typed, and only then', () => {
    expect(search('izbeg')).toEqual(['mediation'])
    expect(search('portug')).toEqual(['porto'])
    expect(search('izbeg mediation')).toEqual([])
  })

  it('finds a practice by its topics in every language of the taxonomy and its country in every interface language', () => {
    expect(search('réfugiés')).toEqual(['mediation'])
    expect(search('Избеглице')).toEqual(['mediation'])
    expect(search('Portugal')).toEqual(['porto'])
    expect(search('Португалија')).toEqual(['porto'])
    expect(search('البرتغال')).toEqual(['porto'])
  })
})

describe('did you mean', () => {
  it('replaces the words the index does not know by the nearest it does', () => {
    expect(assist.suggest('dyscrimination', ctx)).toBeUndefined() // nothing within two edits sharing its first letter
    expect(assist.suggest('mediatoin schols', ctx)).toBe('mediation schools')
    expect(assist.suggest('welcome dexk', ctx)).toBe('welcome desk')
  })

  it('offers nothing when every word is known or the suggestion would find nothing', () => {
    expect(assist.suggest('mediation', ctx)).toBeUndefined()
    expect(assist.suggest('mediation porto', ctx)).toBeUndefined()
  })
})

describe('places', () => {
  it('names the country or city a query is exactly, in any language or with any diacritics', () => {
    expect(assist.place('spain')).toEqual({ facet: 'country', value: 'ES' })
    expect(assist.place(' Espagne ')).toEqual({ facet: 'country', value: 'ES' })
    expect(assist.place('Шпанија')).toEqual({ facet: 'country', value: 'ES' })
    expect(assist.place('PT')).toEqual({ facet: 'country', value: 'PT' })
    expect(assist.place('sant adria de besos')).toEqual({ facet: 'city', value: 'Sant Adrià de Besòs' })
  })

  it('names nothing for a country the index does not hold or for other words', () => {
    expect(assist.place('France')).toBeUndefined()
    expect(assist.place('spain porto')).toBeUndefined()
    expect(assist.place('')).toBeUndefined()
  })

  it('indexes country names in the interface languages build-feed reads from locales/', () => {
    const languages = interfaceLanguages()
    expect(languages).toEqual(readdirSync(new URL('../../locales', import.meta.url)).filter(f => f.endsWith('.json')).map(f => f.replace(/\.json$/, '')).sort())
    expect(languages).toContain('en')
    const onlyJapanese = createAssist(openIndex([buildSegment([practice('porto', { country: 'PT' })], { nameLanguages: ['ja'] })])).index
    const find = (text: string): number => onlyJapanese.query({ ...emptyQuery(), text }, ctx).total
    expect(find('ポルトガル')).toBe(1)
    expect(find('Portugal')).toBe(0)
    expect(countryNameText('ES')).toContain('Espagne')
  })

  it('takes a country code as a word only where it is not a common word', () => {
    expect(countryCodeWord('GB')).toBe('gb')
    expect(countryCodeWord('ES')).toBeUndefined()
    expect(countryCodeWord('NO')).toBeUndefined()
  })
})
