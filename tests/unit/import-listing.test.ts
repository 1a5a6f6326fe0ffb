import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parsePage } from '../../tools/import/page'
import { readResultCount } from '../../tools/import/chrome'
import type { ParsedEntry } from '../../tools/import/types'

const PAGES = new URL('../fixtures/pages/', import.meta.url)
const fixture = (name: string): string => readFileSync(new URL(name, PAGES), 'utf8')

const ADDRESS = 'Avenue de l\'Europe\nF-67075 Strasbourg Cedex\nTel. +33 (0)3 88 41 20 00\n'
const TEMPLATE = 'Template for collection of Good practices >>\n'
const FOOTER = '\nTopic\n0 Education\nYear\n'

interface CardText {
  title: string
  location: string
  teaser: string
}

function card({ title, location, teaser }: CardText, readMore = 'Read More'): string {
  return `${title}\n\n${location}\n\n${teaser}\n\n${readMore ? `${readMore}\n\n` : ''}`
}

function listing(cards: readonly CardText[], options: { header?: string, footer?: string, readMore?: string } = {}): string {
  const header = options.header ?? `${ADDRESS}\nIntercultural cities: good practice examples\n\n${TEMPLATE}\n`
  return header + cards.map(c => card(c, options.readMore ?? 'Read More')).join('') + (options.footer ?? FOOTER)
}

const teaser = (words: string): string => `Purpose: ${words} in the old town, with volunteers from the neighbourhood...`

function only(text: string, file = 'page.txt'): ParsedEntry {
  const page = parsePage(text, file)
  expect(page.entries).toHaveLength(1)
  return page.entries[0]!
}

describe('listing pages: chrome around the cards', () => {
  const cards = [
    { title: 'Shared allotments', location: 'Spain Bilbao 2019', teaser: teaser('Gardening plots') },
    { title: 'Welcome walks', location: 'Ireland Cork 2020', teaser: teaser('Guided walks') },
  ]

  it.each([
    ['with the address block and the template link', undefined],
    ['without the address block', `Intercultural cities: good practice examples\n\n${TEMPLATE}\n`],
    ['without the template link', `${ADDRESS}\n`],
    ['with neither', ''],
  ])('reads the cards %s', (_, header) => {
    const page = parsePage(listing(cards, { header }), 'page.txt')
    expect(page.kind).toBe('listing')
    expect(page.entries.map(e => [e.title, e.country, e.city])).toEqual([['Shared allotments', 'ES', 'Bilbao'], ['Welcome walks', 'IE', 'Cork']])
    expect(page.problems).toEqual([])
  })

  it('reports a header line it does not know instead of dropping it', () => {
    const page = parsePage(listing(cards, { header: `${ADDRESS}\nA banner nobody listed\n\n${TEMPLATE}\n` }), 'page.txt')
    expect(page.entries).toHaveLength(2)
    expect(page.problems).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('"A banner nobody listed"') })])
  })
})

describe('listing pages without "Read More" (the Albanian chrome prints none)', () => {
  const page = parsePage(fixture('listing-sq.txt'), 'listing-sq.txt')

  it('ends each card where the next title begins', () => {
    expect(page.kind).toBe('listing')
    expect(page.entries.map(e => [e.title, e.country, e.city])).toEqual([
      ['Neighbourhood kitchens', 'AL', 'Tirana'],
      ['10 Steps towards a welcoming town hall', 'NO', 'Drammen'],
      ['', 'GR', 'Patras'],
      ['Italy - Learn Arabic!', 'IT', 'Bologna'],
    ])
    expect(page.entries.map(e => e.summary.slice(0, 20))).toEqual(['Purpose: Residents o', 'Qëllimi: Front-desk ', 'The harbour library ', 'Evening classes in A'])
  })

  it('exposes the result count, reads the periods, and reports only the missing title', () => {
    expect(page.total).toBe(57)
    expect(page.entries[3]?.period).toEqual({ text: '2021 (ongoing since 2017)', start: 2017, ongoing: true })
    expect(page.problems).toEqual([expect.objectContaining({ line: 18, message: expect.stringContaining('no title') })])
  })

  it('reports the last card as partial when the page stops inside it, and keeps the others', () => {
    const cut = fixture('listing-sq.txt').split('\n').slice(0, 24).join('\n')
    const partial = parsePage(cut, 'cut.txt')
    expect(partial.entries.map(e => e.city)).toEqual(['Tirana', 'Drammen', 'Patras'])
    expect(partial.problems).toContainEqual(expect.objectContaining({ line: 22, message: expect.stringMatching(/^partial entry.*Learn Arabic/) }))
  })
})

describe('listing pages: titles', () => {
  it('keeps a title that starts with a number or looks like a facet count, and the cards after it', () => {
    const page = parsePage(listing([
      { title: '3 Cities, One Network', location: 'Spain Bilbao 2019', teaser: teaser('Three cities') },
      { title: '10 Steps towards inclusion', location: 'Ireland Cork 2020', teaser: teaser('Ten steps') },
      { title: 'After the numbers', location: 'Norway Oslo 2021', teaser: teaser('More') },
    ]), 'page.txt')
    expect(page.entries.map(e => e.title)).toEqual(['3 Cities, One Network', '10 Steps towards inclusion', 'After the numbers'])
    expect(page.problems).toEqual([])
  })

  it('keeps a title that starts with a country name', () => {
    const e = only(listing([{ title: 'Italy - Learn Arabic!', location: 'Italy Turin 2019', teaser: teaser('Classes') }]))
    expect(e).toMatchObject({ title: 'Italy - Learn Arabic!', country: 'IT', city: 'Turin' })
  })

  it('keeps a title that reads like a location line when the real one follows it', () => {
    const e = only(listing([{ title: 'Italy Welcomes Neighbours', location: 'Italy Turin 2019', teaser: teaser('Open doors') }]))
    expect(e).toMatchObject({ title: 'Italy Welcomes Neighbours', country: 'IT', city: 'Turin', period: { start: 2019 } })
  })

  it('keeps a card whose title line is empty, and reports it', () => {
    const page = parsePage(`${TEMPLATE}\n\n\nSpain Bilbao 2019\n\n${teaser('Untitled')}\n\nRead More\n${FOOTER}`, 'page.txt')
    expect(page.entries).toEqual([expect.objectContaining({ title: '', country: 'ES', line: 5 })])
    expect(page.problems).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('no title') })])
  })
})

describe('listing pages: location lines', () => {
  it.each([
    ['Portugal Amadora Lisbon Loures Santa Maria da Feira Setúbal …', 'PT', 'Amadora Lisbon Loures Santa Maria da Feira Setúbal', ''],
    ['Belgium 2021', 'BE', '', '2021'],
    ['United Kingdom Camden', 'GB', 'Camden', ''],
    ['Italie Ravenne', 'IT', 'Ravenne', ''],
    ['Royaume-Uni Leeds 2020', 'GB', 'Leeds', '2020'],
    ['France Lyon mai 2016', 'FR', 'Lyon', 'mai 2016'],
    ['France Paris Depuis 2014', 'FR', 'Paris', 'Depuis 2014'],
    ['Spain Getxo On-going since 2014', 'ES', 'Getxo', 'On-going since 2014'],
    ['Greece Athens Ongoing-', 'GR', 'Athens', 'Ongoing-'],
    ['Norway Oslo 1982-', 'NO', 'Oslo', '1982-'],
    ['Italy Rome 23/02/2021', 'IT', 'Rome', '23/02/2021'],
    ['Germany Berlin January - February 2018', 'DE', 'Berlin', 'January - February 2018'],
    ['Portugal Porto 2021 (ongoing since 2017)', 'PT', 'Porto', '2021 (ongoing since 2017)'],
    ['Ireland OD 2020', 'IE', '', 'OD 2020'],
  ])('%j', (location, country, city, period) => {
    const e = only(listing([{ title: 'A practice', location, teaser: teaser('Something') }]))
    expect(e).toMatchObject({ country, city, period: { text: period } })
    if (period !== '')
      expect(e.period.start ?? (e.period.ongoing ? 0 : undefined)).toBeDefined()
  })
})

describe('listing pages: teasers', () => {
  it.each([
    ['Purpose: Neighbours meet...', 'Purpose: Neighbours meet'],
    ['Impact: Fewer complaints...', 'Impact: Fewer complaints'],
    ['Svrha: Susedi se sastaju...', 'Svrha: Susedi se sastaju'],
    ['Qëllimi: Fqinjët takohen...', 'Qëllimi: Fqinjët takohen'],
    ['     Neighbours meet on Sundays...', 'Neighbours meet on Sundays'],
  ])('%j', (text, summary) => {
    const e = only(listing([{ title: 'A practice', location: 'Spain Bilbao 2019', teaser: text }]))
    expect(e).toMatchObject({ summary, truncated: true })
  })
})

describe('the result-count line', () => {
  it.each([
    ['en', 'Showing 1 - 20 of 363 results'],
    ['fr', 'Affichage de 1 - 20 sur 363 résultats'],
    ['de', 'Zeige 1 - 20 von 363 Ergebnissen'],
    ['it', 'Visualizzazione di 1 - 20 di 363 risultati'],
    ['es', 'Mostrando 1 - 20 de 363 resultados'],
    ['pt', 'A mostrar 1 - 20 de 363 resultados'],
    ['el', 'Εμφάνιση 1 - 20 από 363 αποτελέσματα'],
    ['fi', 'Näytetään 1 - 20 / 363 tulosta'],
    ['sq', 'Duke shfaqur 1 - 20 nga 363 rezultate'],
    ['sr-Latn', 'Prikazano 1 - 20 od 363 rezultata'],
    ['sr-Cyrl', 'Приказано 1 - 20 од 363 резултата'],
    ['tr', '363 sonuçtan 1 - 20 arası gösteriliyor'],
    ['uk', 'Показано 1 - 20 з 363 результатів'],
    ['eu', '1 - 20 erakusten, guztira 363 emaitza'],
    ['ru', 'Показано 1 - 20 из 363 результатов'],
  ])('%s: %j is chrome, and its total is the page\'s', (language, line) => {
    expect(readResultCount(line)).toMatchObject({ start: 1, end: 20, total: 363 })
    const page = parsePage(listing([{ title: 'A practice', location: 'Spain Bilbao 2019', teaser: teaser('Something') }], { header: `${TEMPLATE}\n${line}\n\n` }), 'page.txt')
    expect(page).toMatchObject({ kind: 'listing', total: 363, problems: [] })
    expect(page.entries).toHaveLength(1)
    expect(readResultCount(line)?.language).toBe(language)
  })

  it('reads a one-result page and leaves other lines alone', () => {
    expect(readResultCount('Showing 138 - 138 of 363 results')).toMatchObject({ start: 138, end: 138, total: 363 })
    expect(readResultCount('Spain Bilbao 2014 - 2020')).toBeUndefined()
    expect(readResultCount('10 Steps towards inclusion')).toBeUndefined()
  })

  it('reads a result line that ends with a full stop', () => {
    expect(readResultCount('Showing 1 - 3 of 7 results.')).toMatchObject({ start: 1, end: 3, total: 7 })
    expect(readResultCount('Εμφάνιση 21 - 40 από 363 αποτελέσματα.')).toMatchObject({ start: 21, end: 40, total: 363, language: 'el' })
  })
})

describe('a listing page cut off in the middle of an entry', () => {
  const cards = [
    { title: 'Shared allotments', location: 'Spain Bilbao 2019', teaser: teaser('Gardening plots') },
    { title: 'Welcome walks', location: 'Ireland Cork 2020', teaser: teaser('Guided walks') },
  ]

  it.each([
    ['in its teaser', (text: string) => text.slice(0, text.indexOf('Guided walks') + 6)],
    ['after its location line', (text: string) => text.slice(0, text.indexOf('Ireland Cork 2020') + 17)],
    ['after its title', (text: string) => text.slice(0, text.indexOf('Welcome walks') + 13)],
  ])('%s: the entry is reported as partial, the others kept', (_, cut) => {
    const page = parsePage(cut(listing(cards)), 'cut.txt')
    expect(page.entries.map(e => e.title)).toEqual(['Shared allotments'])
    expect(page.problems).toEqual([expect.objectContaining({ file: 'cut.txt', line: 17, message: expect.stringMatching(/^partial entry.*Welcome walks/) })])
  })
})
