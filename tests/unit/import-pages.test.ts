import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkPractice } from '../../src/catalogue/schema'
import { parsePage } from '../../tools/import/page'
import { importPages } from '../../tools/import/pipeline'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PAGES = new URL('../fixtures/pages/', import.meta.url)
const fixture = (name: string): string => readFileSync(new URL(name, PAGES), 'utf8')

const SITE = 'https://www.coe.int'
const practiceUrl = (lang: string, slug: string): string => `${SITE}/${lang}/web/interculturalcities/-/${slug}`
const FOOTER = '\n\nTopic\nYear\n'

const ENGLISH_BODY = 'Purpose: The city council and the schools of the district welcome the families that arrive in the city during the year.'
const FRENCH_BODY = 'Objectif : Le conseil municipal et les écoles du quartier accueillent les familles qui arrivent dans la ville pendant l\'année.'

function practicePage(title: string, body: string): string {
  return `Back\n\n${title}\n\nSpain Bilbao 2019\n\n${body}${FOOTER}`
}

function cards(titles: readonly string[]): string {
  return titles.map(t => `${t}\n\nSpain Bilbao 2019\n\nPurpose: ${t} brings neighbours together in the old town...\n\nRead More\n\n`).join('') + FOOTER
}

describe('pages that are not practices are refused with a reason', () => {
  it.each([
    ['newsroom.txt', /newsroom listing/],
  ])('%s', (file, reason) => {
    const page = parsePage(fixture(file), file)
    expect(page).toMatchObject({ kind: 'other', entries: [], reason: expect.stringMatching(reason) })
    expect(page.problems).toEqual([expect.objectContaining({ file, line: 1, message: expect.stringMatching(reason) })])
  })

  it.each([
    ['a news item', 'Intercultural cities: news\n\nBack\n\nCities meet in Patras\n\n12 October 2023\n  • Decrease text size\n\nDelegates compared notes.\n', /news item/],
    ['a landing page', 'Intercultural cities: good practice examples\n\nThe Intercultural city aims at building its policies on diversity.\n', /landing page/],
    ['a page outside the section', 'Welcome to the programme.\n', /outside the good-practice section/],
    ['an empty page', '', /empty page/],
  ])('%s', (_, text, reason) => {
    const page = parsePage(text, 'x.txt')
    expect(page).toMatchObject({ kind: 'other', entries: [], reason: expect.stringMatching(reason) })
  })
})

describe('the page URL', () => {
  it('a dump\'s "URL:" first line gives the id, the source link and the language hint', () => {
    const text = `URL: ${practiceUrl('fr', 'cafe-des-langues')}\n\nRetour\n\nCafé des langues\n\nEspagne Bilbao 2019\n\n${FRENCH_BODY}${FOOTER}`
    const result = importPages([{ file: 'fr.txt', text }])
    expect(result.pages).toEqual([{ file: 'fr.txt', kind: 'detail', entries: 1, url: practiceUrl('fr', 'cafe-des-langues') }])
    expect(result.practices).toEqual([expect.objectContaining({ id: 'cafe-des-langues', language: 'fr', sourceUrl: practiceUrl('fr', 'cafe-des-langues'), country: 'ES' })])
  })

  it('SourceText.url wins over nothing and gives the language when the text is too short to tell', () => {
    const [e] = parsePage('Back\n\nKielikahvila\n\nSpain Bilbao 2019\n\nKaupunki ja koulut.\n', 'fi.txt', { url: practiceUrl('fi', 'kielikahvila') }).entries
    expect(e).toMatchObject({ language: 'fi', url: practiceUrl('fi', 'kielikahvila') })
  })

  it('entryUrls give each card its URL, and the id is the slug', () => {
    const urls = [practiceUrl('en', 'first-card'), practiceUrl('en', 'second-card')]
    const result = importPages([{ file: 'l.txt', text: cards(['First', 'Second']), entryUrls: urls }])
    expect(result.practices.map(p => [p.id, p.sourceUrl, p.teaserOnly])).toEqual([['first-card', urls[0], true], ['second-card', urls[1], true]])
  })

  it('reports card links that do not match the cards, and uses none', () => {
    const page = parsePage(cards(['First', 'Second']), 'l.txt', { entryUrls: [practiceUrl('en', 'first-card')] })
    expect(page.entries).toHaveLength(2)
    expect(page.entries.every(e => e.url === undefined)).toBe(true)
    expect(page.problems).toEqual([expect.objectContaining({ message: expect.stringContaining('2 cards but 1 card links') })])
  })

  it('merges pages sharing a slug into one practice with its translation', () => {
    const result = importPages([
      { file: 'en.txt', text: practicePage('Welcome families', ENGLISH_BODY), url: practiceUrl('en', 'welcome-families') },
      { file: 'fr.txt', text: practicePage('Accueillir les familles', FRENCH_BODY), url: practiceUrl('fr', 'welcome-families') },
      { file: 'l.txt', text: cards(['Welcome families']), entryUrls: [practiceUrl('en', 'welcome-families')] },
    ])
    expect(result.practices).toHaveLength(1)
    expect(result.practices[0]).toMatchObject({ id: 'welcome-families', language: 'en', title: 'Welcome families', sourceUrl: practiceUrl('en', 'welcome-families') })
    expect(result.practices[0]?.translations?.fr?.title).toBe('Accueillir les familles')
    expect(result.practices[0]?.teaserOnly).toBeUndefined()
  })

  it('reports a practice page without a place only when no card gives its practice one', () => {
    const placeless = `Back\n\nWelcome families\n\n${ENGLISH_BODY}${FOOTER}`
    const page = { file: 'en.txt', text: placeless, url: practiceUrl('en', 'welcome-families') }
    const noPlace = (problems: readonly { message: string }[]) => problems.filter(p => /gives no country or city/.test(p.message))
    expect(noPlace(importPages([page]).problems)).toHaveLength(1)
    const withCard = importPages([page, { file: 'l.txt', text: cards(['Welcome families']), entryUrls: [practiceUrl('en', 'welcome-families')] }])
    expect(withCard.practices[0]).toMatchObject({ country: 'ES', city: 'Bilbao' })
    expect(noPlace(withCard.problems)).toEqual([])
  })

  it('reads English served under /fr/ as English, and does not keep it twice', () => {
    const result = importPages([
      { file: 'en.txt', text: practicePage('Welcome families', ENGLISH_BODY), url: practiceUrl('en', 'welcome-families') },
      { file: 'fr.txt', text: practicePage('Welcome families', ENGLISH_BODY), url: practiceUrl('fr', 'welcome-families') },
    ])
    expect(result.practices).toHaveLength(1)
    expect(result.practices[0]).toMatchObject({ language: 'en' })
    expect(result.practices[0]?.translations).toBeUndefined()
  })

  it('keeps two practices with different slugs apart even when their pages look alike', () => {
    const result = importPages([
      { file: 'a.txt', text: practicePage('Welcome families', ENGLISH_BODY), url: practiceUrl('en', 'welcome-families') },
      { file: 'b.txt', text: practicePage('Welcome families', ENGLISH_BODY), url: practiceUrl('en', 'welcome-families-2019') },
    ])
    expect(result.practices.map(p => p.id)).toEqual(['welcome-families', 'welcome-families-2019'])
  })

  it('gives two different practices that would share a made-up id different ids, and reports it', () => {
    const text = `Same name\n\nSpain Bilbao 2019\n\nPurpose: One thing...\n\nRead More\n\nSame name\n\nSpain Bilbao 2019\n\nPurpose: Quite another...\n\nRead More\n${FOOTER}`
    const result = importPages([{ file: 'l.txt', text }])
    expect(result.practices.map(p => p.id)).toEqual(['es-bilbao-same-name', 'es-bilbao-same-name-2'])
    expect(result.problems).toContainEqual(expect.objectContaining({ line: 9, message: expect.stringContaining('would share the id es-bilbao-same-name') }))
  })
})

describe('the import CLI exit status', () => {
  it('exits 1 when a record fails the schema, naming it, and still writes the valid ones', () => {
    const result = spawnSync('npx', ['tsx', 'tools/import.ts', 'tests/fixtures/pages/invalid-title.txt', 'tests/fixtures/pages/listing-sq.txt', '--json'], { cwd: ROOT, encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/1 record\(s\) failed the schema and were not written: es-bilbao-a-very-long-name[\w-]* \(tests\/fixtures\/pages\/invalid-title\.txt:3\)/)
    expect(result.stderr).toContain('title: Invalid length')
    const records = JSON.parse(result.stdout) as unknown[]
    expect(records).toHaveLength(4)
    expect(records.every(r => checkPractice(r).ok)).toBe(true)
  })
})
