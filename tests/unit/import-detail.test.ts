import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importPages } from '../../tools/import/pipeline'
import { parsePage } from '../../tools/import/page'
import type { ParsedEntry } from '../../tools/import/types'

const PAGES = new URL('../fixtures/pages/', import.meta.url)
const fixture = (name: string): string => readFileSync(new URL(name, PAGES), 'utf8')

const PRACTICE_URL = 'https://www.coe.int/en/web/interculturalcities/-/evening-language-cafe'
const TEMPLATE = 'Template for collection of Good practices >>'
const FOOTER = '\n\nFilter by\nTopic\nYear\n2019\nReset Filter\n'
const BODY = 'Purpose: Residents practise the local language over tea with volunteers.\n\nProcess: The library opens its reading room on Tuesday evenings.'

function page(parts: readonly string[]): string {
  return parts.join('\n\n') + FOOTER
}

function only(text: string, url?: string): { entry: ParsedEntry, problems: string[] } {
  const parsed = parsePage(text, 'page.txt', { url })
  expect(parsed.kind).toBe('detail')
  expect(parsed.entries).toHaveLength(1)
  return { entry: parsed.entries[0]!, problems: parsed.problems.map(p => p.message) }
}

describe('practice pages: "Back" in every site language', () => {
  it.each(['Back', 'Retour', 'Zurück', 'Indietro', 'Atrás', 'Voltar', 'Επιστροφή', 'Takaisin', 'Kthehu', 'Nazad', 'Назад', 'Geri', 'Atzealdea', 'Вернуться'])('%s on its own line or on the title\'s line', (back) => {
    for (const layout of [[back, 'Evening language café'], [`${back} Evening language café`]]) {
      const { entry, problems } = only(page([TEMPLATE, ...layout, 'Spain Bilbao 2019', BODY]))
      expect(entry).toMatchObject({ title: 'Evening language café', country: 'ES', city: 'Bilbao' })
      expect(entry.paragraphs).toHaveLength(2)
      expect(problems).toEqual([])
    }
  })
})

describe('practice pages: layouts', () => {
  it('reads the full layout: intro, template link, notice, Back, title, subtitle, period, buttons, body', () => {
    const parsed = parsePage(fixture('practice-full.txt'), 'practice-full.txt')
    expect(parsed).toMatchObject({ kind: 'detail', url: 'https://www.coe.int/en/web/interculturalcities/-/harbour-reading-circles', problems: [] })
    const e = parsed.entries[0]
    expect(e).toMatchObject({ title: 'Harbour reading circles', country: 'GR', city: 'Patras', period: { start: 2020, end: 2020 }, truncated: false })
    expect(e?.paragraphs[0]).toBe('Parents and toddlers meet around books in many languages')
    expect(e?.paragraphs[1]).toBe('Purpose: The library wanted parents who speak little Greek to feel at home in a public building.')
    const text = e?.paragraphs.join('\n') ?? ''
    for (const chrome of ['Decrease text size', 'Print', 'Back', 'Special page', 'Template for collection', 'Filter by', 'Reset Filter'])
      expect(text).not.toContain(chrome)
  })

  it('keeps a practice paragraph about COVID-19; only the site\'s notice is chrome', () => {
    const e = parsePage(fixture('practice-full.txt'), 'practice-full.txt').entries[0]
    expect(e?.paragraphs).toContain('During the COVID-19 lockdown the circles met online, and a third of the families joined from their phones.')
  })

  it('gives each bullet its own paragraph', () => {
    const e = parsePage(fixture('practice-full.txt'), 'practice-full.txt').entries[0]
    expect(e?.paragraphs.slice(-4)).toEqual(['The circles offer:', '• a story in two languages', '• a song everyone can learn', '• a loan card for each child'])
  })

  it('reads the content-only layout: Back and title, then the body', () => {
    const { entry } = only(`Back\n\nEvening language café\n\n${BODY}\n`, PRACTICE_URL)
    expect(entry).toMatchObject({ title: 'Evening language café', url: PRACTICE_URL, truncated: false })
    expect(entry.paragraphs).toEqual(BODY.split('\n\n'))
  })

  it('reads the body alone, opening with "Purpose:"; the URL gives the id and the title is provisional', () => {
    const { entry, problems } = only(`${BODY}\n`, PRACTICE_URL)
    expect(entry).toMatchObject({ title: '', url: PRACTICE_URL })
    expect(entry.paragraphs).toEqual(BODY.split('\n\n'))
    expect(problems).toContainEqual(expect.stringContaining('provisional_title'))
    const [record] = importPages([{ file: 'page.txt', text: `${BODY}\n`, url: PRACTICE_URL }]).practices
    expect(record).toMatchObject({ id: 'evening-language-cafe', slug: 'evening-language-cafe', sourceUrl: PRACTICE_URL, title: 'Residents practise the local language…' })
    expect(record?.teaserOnly).toBeUndefined()
  })

  it('reads the news layout: title, date, buttons, the title again, body, and a period after the body', () => {
    const parsed = parsePage(fixture('practice-news.txt'), 'practice-news.txt')
    expect(parsed.kind).toBe('detail')
    const e = parsed.entries[0]
    expect(e).toMatchObject({ title: 'Market hall mediators', period: { text: '2018 onwards', start: 2018, ongoing: true } })
    expect(e?.paragraphs).toEqual([
      'Stimulus/Rationale: Stall holders and shoppers from many backgrounds quarrelled over queues and prices in the old market hall.',
      'Impact: Complaints to the city fell by half within a year.',
    ])
    expect(parsed.problems).toContainEqual(expect.objectContaining({ line: 5, message: expect.stringContaining('publication date "13 January 2022"') }))
  })

  it('takes the news layout\'s date as the period when the page gives no other', () => {
    const text = fixture('practice-news.txt').replace('\n2018 onwards\n', '\n')
    const e = parsePage(text, 'news.txt').entries[0]
    expect(e?.period).toEqual({ text: '13 January 2022', start: 2022, end: 2022, ongoing: false })
  })
})

describe('practice pages: section labels', () => {
  const sections = (text: string): string => {
    const [record] = importPages([{ file: 'page.txt', text, url: PRACTICE_URL }]).practices
    return record?.body ?? ''
  }

  it('reads a label on its own line, inline with spaces, and "Stimulus/Rationale:"', () => {
    const body = sections(page(['Back', 'Evening language café', 'Purpose:\nResidents practise the language.', 'Process:   Volunteers host.', 'Stimulus/Rationale: Few classes in the evening.']))
    expect(body).toBe('## Purpose\n\nResidents practise the language.\n\n## Process\n\nVolunteers host.\n\n## Stimulus/Rationale\n\nFew classes in the evening.')
  })

  it('keeps a page with no labels as plain paragraphs', () => {
    const body = sections(page(['Back', 'Evening language café', 'Residents practise the language.', 'Volunteers host.']))
    expect(body).toBe('Residents practise the language.\n\nVolunteers host.')
  })

  it('reads a period printed after the body', () => {
    const { entry } = only(page(['Back', 'Evening language café', BODY, '2018 onwards']))
    expect(entry.period).toEqual({ text: '2018 onwards', start: 2018, ongoing: true })
    expect(entry.paragraphs).toEqual(BODY.split('\n\n'))
  })
})

describe('practice pages: nothing dropped silently', () => {
  it('reports text before the title that is not chrome', () => {
    const parsed = parsePage(page([TEMPLATE, 'A notice nobody listed', 'Back', 'Evening language café', BODY]), 'page.txt')
    expect(parsed.problems).toContainEqual(expect.objectContaining({ line: 3, message: expect.stringContaining('"A notice nobody listed"') }))
  })

  it('keeps a body line that reads like a filter heading', () => {
    const { entry } = only(page(['Back', 'Evening language café', 'Topic', BODY]))
    expect(entry.paragraphs).toEqual(['Topic', ...BODY.split('\n\n')])
  })
})
