import { describe, expect, it } from 'vitest'
import { highlight, normalize, tokenize } from '../../src/search/index'
import { queryTerms } from '../../src/search/tokenize'

describe('normalize', () => {
  it('folds case and Latin diacritics', () => {
    expect(normalize('Portimão')).toBe('portimao')
    expect(normalize('Besós')).toBe('besos')
    expect(normalize('Sant Adrià de Besòs')).toBe('sant adria de besos')
    expect(normalize('ZÜRICH Neuchâtel Göteborg')).toBe('zurich neuchatel goteborg')
    expect(normalize('Čačak Niš Šabac Žabalj Ćuprija')).toBe('cacak nis sabac zabalj cuprija')
  })

  it('folds letters that do not decompose', () => {
    expect(normalize('Łódź')).toBe('lodz')
    expect(normalize('Straße')).toBe('strasse')
    expect(normalize('Tromsø')).toBe('tromso')
    expect(normalize('Æble Œuvre')).toBe('aeble oeuvre')
    expect(normalize('İzmir Karşıyaka')).toBe('izmir karsiyaka')
  })

  it('folds đ to dj, so the usual ASCII spelling matches', () => {
    expect(normalize('Đorđe')).toBe('djordje')
    expect(normalize('Ђорђе')).toBe('djordje')
    expect(normalize('Djordje')).toBe('djordje')
    expect(normalize('međukulturni')).toBe('medjukulturni')
  })

  it('transliterates Serbian Cyrillic to the same form as Serbian Latin', () => {
    expect(normalize('Београд')).toBe('beograd')
    expect(normalize('БЕОГРАД')).toBe('beograd')
    expect(normalize('Љубљана Њујорк Џезва Ћуприја Чачак Шабац Жабаљ')).toBe(normalize('Ljubljana Njujork Džezva Ćuprija Čačak Šabac Žabalj'))
    expect(normalize('Нови Сад')).toBe('novi sad')
    expect(normalize('интеркултурни')).toBe('interkulturni')
  })

  it('leaves words with non-Serbian Cyrillic letters in Cyrillic, marks kept', () => {
    expect(normalize('Київ')).toBe('київ')
    expect(normalize('Їжак')).toBe('їжак')
    expect(normalize('йога')).toBe('йога')
    expect(normalize('мова')).toBe('mova') // only letters shared with Serbian: transliterated
    // A decomposed й (и + combining breve) is recomposed, not stripped.
    expect(normalize('и\u0306')).toBe('й')
  })

  it('handles decomposed Latin input', () => {
    expect(normalize('Portima\u0303o')).toBe('portimao')
    expect(normalize('Bes\u006f\u0301s')).toBe('besos')
  })

  it('keeps ASCII text unchanged except for case', () => {
    expect(normalize('Anti-Rumour 2020!')).toBe('anti-rumour 2020!')
  })
})

describe('tokenize', () => {
  it('splits on punctuation, apostrophes and hyphens', () => {
    expect(tokenize('The anti-rumour strategy of l’Europe (2015–2020).')).toEqual(['the', 'anti', 'rumour', 'strategy', 'of', 'l', 'europe', '2015', '2020'])
  })

  it('keeps Cyrillic and other scripts as words', () => {
    expect(tokenize('Град Београд, місто Київ')).toEqual(['grad', 'beograd', 'місто', 'київ'])
  })

  it('makes query terms: stop words dropped, the last word a prefix', () => {
    expect(queryTerms('the roma in')).toEqual([
      { term: 'roma', prefix: false, exact: true },
      { term: 'in', prefix: true, exact: false },
    ])
    expect(queryTerms('Inter')).toEqual([{ term: 'inter', prefix: true, exact: true }])
    expect(queryTerms('a')).toEqual([])
    expect(queryTerms('  ')).toEqual([])
  })
})

describe('highlight', () => {
  it('marks words whose normalised form starts with a term, preserving the original text', () => {
    const runs = highlight('Portimão and Besós: a Београд story', ['portimao', 'beo', 'bes'])
    expect(runs.map(r => r.text).join('')).toBe('Portimão and Besós: a Београд story')
    expect(runs.filter(r => r.match).map(r => r.text)).toEqual(['Portimão', 'Besós', 'Београд'])
  })

  it('does not match inside words, and returns one plain run without terms', () => {
    expect(highlight('Interculturalism', ['cult'])).toEqual([{ text: 'Interculturalism', match: false }])
    expect(highlight('abc', [])).toEqual([{ text: 'abc', match: false }])
    expect(highlight('', ['x'])).toEqual([])
  })

  it('returns text runs, never markup', () => {
    const runs = highlight('<b>roma</b> & <i>sinti</i>', ['roma'])
    expect(runs).toEqual([{ text: '<b>', match: false }, { text: 'roma', match: true }, { text: '</b> & <i>sinti</i>', match: false }])
  })
})
