import { describe, expect, it } from 'vitest'
import { practiceId, slugify } from '../../src/catalogue/slug'

describe('slugify', () => {
  it.each([
    ['Anti-Rumour Web App', 'anti-rumour-web-app'],
    ['Salisbury’s Intercultural Strategic Plan', 'salisburys-intercultural-strategic-plan'],
    ['Collaboration with Neuchâtel.', 'collaboration-with-neuchatel'],
    ['Teritorijalna i kulturna jednakost u Montrealu – Fokus na stanovništvo', 'teritorijalna-i-kulturna-jednakost-u-montrealu-fokus-na-stanovnistvo'],
    ['Međunarodna saradnja', 'medjunarodna-saradnja'],
    ['Међународна сарадња', 'medjunarodna-saradnja'],
    ['Љубав и њива, џеп и ћуприја', 'ljubav-i-njiva-dzep-i-cuprija'],
    ['Łódź Straße', 'lodz-strasse'],
    ['#BCNvsODI', 'bcnvsodi'],
    ['  --Hello,   World!--  ', 'hello-world'],
    ['', ''],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug)
  })

  it('cuts long text at a word boundary, at most 80 characters', () => {
    const slug = slugify('Close to Culture: Art, music and theatre prevent social exclusion and promote the democratisation of culture')
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug).toBe('close-to-culture-art-music-and-theatre-prevent-social-exclusion-and-promote-the')
    expect(slugify('x'.repeat(100))).toHaveLength(80)
  })
})

describe('practiceId', () => {
  it('joins country code, city and title', () => {
    expect(practiceId({ country: 'ES', city: 'Bilbao', title: 'Anti-Rumour Web App' })).toBe('es-bilbao-anti-rumour-web-app')
    expect(practiceId({ country: 'PT', city: 'Santa Maria da Feira', title: 'BizFeira' })).toBe('pt-santa-maria-da-feira-bizfeira')
    expect(practiceId({ country: 'IE', city: '', title: 'Equality data' })).toBe('ie-equality-data')
  })

  it('is stable, and still an id when the title has no Latin letters', () => {
    const a = practiceId({ country: '', city: '', title: '多元文化' })
    expect(a).toMatch(/^practice-[0-9a-f]{8}$/)
    expect(practiceId({ country: '', city: '', title: '多元文化' })).toBe(a)
    expect(practiceId({ country: '', city: '', title: '文化' })).not.toBe(a)
  })
})
