import { describe, expect, it } from 'vitest'
import { polishStem, southSlavicStem } from '../../src/search/lightStemmers'
import { normalize } from '../../src/search/normalize'
import { canonicalSpelling } from '../../src/search/spelling'
import { stemmerFor } from '../../src/search/stemmers'
import { joinedCompounds, otherForms } from '../../src/search/wordForms'

/** The stems of normalised words, as the index and the query compute them. */
const stems = (stem: (w: string) => string, words: string[]): Set<string> => new Set(words.map(w => stem(normalize(w))))

describe('the light South Slavic stemmer', () => {
  // Inflection groups written for this test: every form of a group must meet on one stem.
  const groups = [
    ['diskriminacija', 'diskriminacije', 'diskriminaciji', 'diskriminaciju', 'diskriminacijom'],
    ['jednakost', 'jednakosti', 'jednakošću'],
    ['strategija', 'strategije', 'strategiju', 'strategijom', 'strategijama'],
    ['zajednica', 'zajednice', 'zajednici', 'zajednicu', 'zajednicom', 'zajednicama'],
    ['grad', 'grada', 'gradu', 'gradom', 'gradovi', 'gradova', 'gradovima'],
    ['izbeglica', 'izbeglice', 'izbeglicama', 'izbeglicu'],
    ['akcija', 'akcije', 'akciju', 'akcijom'],
    ['integracija', 'integracije', 'integraciji', 'integracijom'],
    ['kulturni', 'kulturna', 'kulturne', 'kulturnog', 'kulturnom', 'kulturnih'],
  ]

  it.each(groups.map(g => [g[0]!, g] as const))('conflates the forms of "%s"', (_first, group) => {
    expect(stems(southSlavicStem, group).size).toBe(1)
  })

  it('reads Cyrillic through the transliteration: "дискриминацијом" meets "diskriminacija"', () => {
    expect(stems(southSlavicStem, ['дискриминацијом', 'diskriminacija', 'Дискриминације'])).toEqual(new Set(['diskriminacij']))
  })

  it('keeps words of other meanings apart and short words whole', () => {
    expect(southSlavicStem('grad')).not.toBe(southSlavicStem(normalize('gradnja')))
    expect(southSlavicStem('rad')).not.toBe(southSlavicStem('radio'))
    expect(southSlavicStem('ima')).toBe('ima')
  })

  it('strips Polish case endings too', () => {
    expect(stems(polishStem, ['polityka', 'polityki', 'polityką'])).toEqual(new Set(['polityk']))
    expect(stems(polishStem, ['społeczność', 'społeczności'])).toEqual(new Set(['spolecznosc']))
  })
})

describe('stemmers by language', () => {
  it('stems English, French, German and Spanish with their Snowball stemmers', () => {
    const en = stemmerFor('en')!
    expect(en('communities')).toBe(en('community'))
    expect(en('policies')).toBe(en('policy'))
    // Snowball's English (Porter2), not the original Porter: these stay apart.
    expect(en('community')).not.toBe(en('communication'))
    expect(en('generously')).not.toBe(en('general'))
    const fr = stemmerFor('fr-CH')!
    expect(fr('discriminations')).toBe(fr('discrimination'))
    const de = stemmerFor('de')!
    expect(de('gemeinschaften')).toBe(de('gemeinschaft'))
    const es = stemmerFor('es')!
    expect(es('comunidades')).toBe(es('comunidad'))
  })

  it('picks the light stemmer for Serbian in either script and leaves short words and numbers alone', () => {
    expect(stemmerFor('sr-Cyrl')!('strategijom')).toBe('strategij')
    expect(stemmerFor('hr')!('strategijom')).toBe('strategij')
    expect(stemmerFor('en')!('ies')).toBe('ies')
    expect(stemmerFor('en')!('2017s')).toBe('2017s')
  })

  it('has none for a language without one', () => {
    expect(stemmerFor('ko')).toBeUndefined()
  })
})

describe('spelling variants', () => {
  it.each([
    ['neighbourhood', 'neighborhood'], ['neighbouring', 'neighboring'], ['rumours', 'rumors'], ['behavioural', 'behavioral'],
    ['programme', 'program'], ['programmes', 'programs'], ['theatre', 'theater'], ['centres', 'centers'], ['centred', 'centered'],
    ['catalogue', 'catalog'], ['organisation', 'organization'], ['radicalisations', 'radicalizations'], ['organised', 'organized'],
    ['recognising', 'recognizing'], ['defence', 'defense'], ['travelled', 'traveled'],
  ])('writes "%s" as "%s"', (british, american) => {
    expect(canonicalSpelling(british)).toBe(american)
    expect(canonicalSpelling(american)).toBe(american)
  })

  it.each(['four', 'tour', 'hour', 'pour', 'your', 'promise', 'exercise', 'surprise', 'centrale', 'program'])('leaves "%s" as it is', (word) => {
    expect(canonicalSpelling(word)).toBe(word)
  })
})

describe('word forms', () => {
  it('gives the canonical spelling and its stem, never the word itself', () => {
    const en = stemmerFor('en')!
    expect(otherForms('neighbourhoods', [en])).toEqual(['neighborhoods', 'neighborhood'])
    expect(otherForms('program', [en])).toEqual([])
  })

  it('joins hyphenated pairs, in both spellings', () => {
    expect(joinedCompounds(normalize('The Anti-Rumour Web App and co-operation'))).toEqual(['antirumour', 'antirumor', 'cooperation', 'cooperation'])
    expect(joinedCompounds('no compounds here')).toEqual([])
  })
})
