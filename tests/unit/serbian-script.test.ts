import { describe, expect, it } from 'vitest'
import { cyrillicToLatin, inInterfaceScript, latinToCyrillic, serbianScript, toSerbianScript } from '../../src/catalogue/serbianScript'

describe('Serbian Latin to Cyrillic', () => {
  it.each([
    ['Beograd', 'Београд'],
    ['ljubav i njegovanje džemata', 'љубав и његовање џемата'],
    ['Ljubljana, Njegoš, Džudžević', 'Љубљана, Његош, Џуџевић'],
    ['LJUBAV NJIVA DŽEP', 'ЉУБАВ ЊИВА ЏЕП'],
    ['Đorđe, ćevapi, šuma, žaba, čaj', 'Ђорђе, ћевапи, шума, жаба, чај'],
    ['interkulturalnost od 2020.', 'интеркултуралност од 2020.'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic)
  })

  it('reads nj and dž as two letters across a prefix', () => {
    expect(latinToCyrillic('konjugacija, injekcija, nadživeti, podžupan')).toBe('конјугација, инјекција, надживети, поджупан')
    expect(latinToCyrillic('konj i odžak')).toBe('коњ и оџак')
  })

  it('leaves addresses, acronyms and foreign names alone', () => {
    expect(latinToCyrillic('Vidi https://www.coe.int/en/web/interculturalcities i pišite na icc@coe.int'))
      .toBe('Види https://www.coe.int/en/web/interculturalcities и пишите на icc@coe.int')
    expect(latinToCyrillic('Program ICC i EU, COVID-19')).toBe('Програм ICC и EU, COVID-19')
    expect(latinToCyrillic('Grad Sydney, Wi-Fi, Zürich i Québec')).toBe('Град Sydney, Wi-Fi, Zürich и Québec')
  })

  it('reads a line in capitals as Serbian, an acronym in a normal line as an acronym', () => {
    expect(latinToCyrillic('UVOD\nProgram ICC u Novom Sadu')).toBe('УВОД\nПрограм ICC у Новом Саду')
  })

  it('handles a decomposed č (NFD) like a composed one', () => {
    expect(latinToCyrillic('c\u030Caj')).toBe('чај')
  })
})

describe('Serbian Cyrillic to Latin', () => {
  it.each([
    ['Београд', 'Beograd'],
    ['љубав и његовање џемата', 'ljubav i njegovanje džemata'],
    ['Љубљана, Његош, Џуџевић', 'Ljubljana, Njegoš, Džudžević'],
    ['ЉУБАВ ЊИВА ЏЕП', 'LJUBAV NJIVA DŽEP'],
    ['Ђорђе, ћевапи, шума, жаба, чај', 'Đorđe, ćevapi, šuma, žaba, čaj'],
    ['Љ', 'Lj'],
  ])('%s → %s', (cyrillic, latin) => {
    expect(cyrillicToLatin(cyrillic)).toBe(latin)
  })

  it('leaves Latin words and addresses in Cyrillic text as they are', () => {
    expect(cyrillicToLatin('Програм ICC, https://coe.int/sr')).toBe('Program ICC, https://coe.int/sr')
  })

  it('round-trips Serbian text', () => {
    const latin = 'Razvijanje kulture otvorenosti i interkulturalnosti u Novom Sadu, Nišu i Kragujevcu'
    expect(cyrillicToLatin(latinToCyrillic(latin))).toBe(latin)
    expect(toSerbianScript(toSerbianScript(latin, 'Cyrl'), 'Latn')).toBe(latin)
  })
})

describe('the script of a Serbian text', () => {
  it('comes from the tag, or from the letters for plain sr', () => {
    expect(serbianScript('sr-Latn')).toBe('Latn')
    expect(serbianScript('sr-Cyrl-RS')).toBe('Cyrl')
    expect(serbianScript('sr', 'Dobar dan')).toBe('Latn')
    expect(serbianScript('sr', 'Добар дан')).toBe('Cyrl')
    expect(serbianScript('hr', 'Dobar dan')).toBeUndefined()
    expect(serbianScript('en')).toBeUndefined()
  })
})

describe('Serbian text in the interface\'s script', () => {
  it('converts to the interface\'s script only when the text is Serbian in the other one', () => {
    expect(inInterfaceScript('Novi Sad', 'sr-Latn', 'sr-Cyrl')).toEqual({ text: 'Нови Сад', language: 'sr-Cyrl' })
    expect(inInterfaceScript('Нови Сад', 'sr-Cyrl', 'sr-Latn')).toEqual({ text: 'Novi Sad', language: 'sr-Latn' })
    expect(inInterfaceScript('Нови Сад', 'sr', 'sr-Latn')).toEqual({ text: 'Novi Sad', language: 'sr-Latn' })
    expect(inInterfaceScript('Novi Sad', 'sr-Latn', 'sr-Latn')).toBeUndefined()
    expect(inInterfaceScript('Novi Sad', 'sr-Latn', 'en')).toBeUndefined()
    expect(inInterfaceScript('Zagreb', 'hr', 'sr-Cyrl')).toBeUndefined()
  })
})
