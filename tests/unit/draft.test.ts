import { describe, expect, it } from 'vitest'
import { draftBody, draftPeriod, draftProblems, draftToPractice, emptyDraftFields, isDraftComplete, isHttpLink, REQUIRED_FIELDS, type DraftFields, type DraftHeadings } from '../../src/catalogue/draft'
import { parsePeriod } from '../../src/catalogue/period'
import { checkPractice } from '../../src/catalogue/schema'
import { splitSections } from '../../src/catalogue/body'

const HEADINGS: DraftHeadings = { purpose: 'Purpose', rationale: 'Stimulus/Rationale', process: 'Process', outcomes: 'Outcomes and evaluation', lessons: 'Lessons and transferability', contact: 'Contact', links: 'Links' }
const TOPICS = new Set(['education', 'anti-discrimination'])

function complete(over: Partial<DraftFields> = {}): DraftFields {
  return {
    ...emptyDraftFields('en'),
    title: 'Neighbourhood mothers',
    city: 'Lublin',
    country: 'PL',
    periodFrom: '2019',
    periodTo: '2022',
    topics: ['education'],
    purpose: 'Mothers who arrived years ago guide newly arrived families.',
    process: 'Twelve mothers trained by the city\'s social services, with two NGOs; 40,000 EUR a year.',
    ...over,
  }
}

describe('a draft\'s required fields', () => {
  it('are title, city, country, start year, a topic, purpose, process and language', () => {
    expect(REQUIRED_FIELDS).toEqual(['title', 'city', 'country', 'periodFrom', 'topics', 'purpose', 'process', 'language'])
    expect(isDraftComplete(complete(), { topicIds: TOPICS })).toBe(true)
    for (const field of REQUIRED_FIELDS) {
      // Blank text counts as empty; a country is a code, never padded.
      const empty = complete({ [field]: Array.isArray(complete()[field]) ? [] : field === 'country' ? '' : '   ' })
      expect(draftProblems(empty, { topicIds: TOPICS }), field).toEqual({ [field]: 'required' })
      expect(isDraftComplete(empty, { topicIds: TOPICS }), field).toBe(false)
    }
  })

  it('are not reported while a draft is typed, but wrong values are', () => {
    const typing = { ...emptyDraftFields('fr'), periodFrom: '20x9', links: 'javascript:alert(1)' }
    expect(draftProblems(typing, { requireAll: false })).toEqual({ periodFrom: 'year', links: 'link' })
    expect(Object.keys(draftProblems(emptyDraftFields('fr'), { requireAll: false }))).toEqual([])
  })

  it('check years, their order, links, countries, topics and lengths', () => {
    expect(draftProblems(complete({ periodFrom: '1850' }))).toEqual({ periodFrom: 'year' })
    expect(draftProblems(complete({ periodTo: '2018' }))).toEqual({ periodTo: 'year_order' })
    // A running practice has no end year to check.
    expect(draftProblems(complete({ periodTo: 'x', ongoing: true }))).toEqual({})
    expect(draftProblems(complete({ links: 'https://example.org/a\n\nhttp://example.org/b' }))).toEqual({})
    expect(draftProblems(complete({ links: 'https://example.org\nftp://example.org' }))).toEqual({ links: 'link' })
    expect(draftProblems(complete({ country: 'Poland' }))).toEqual({ country: 'country' })
    expect(draftProblems(complete({ topics: ['made-up'] }), { topicIds: TOPICS })).toEqual({ topics: 'topic' })
    expect(draftProblems(complete({ title: 'x'.repeat(501) }))).toEqual({ title: 'too_long' })
    expect(isHttpLink('https://')).toBe(false)
    expect(isHttpLink('data:text/html,<b>')).toBe(false)
  })
})

describe('a draft as a catalogue record', () => {
  it('passes the catalogue\'s own schema, topics as a reviewer\'s', () => {
    const checked = checkPractice(draftToPractice(complete(), '2026-11-23T10:00:00.000Z', HEADINGS))
    expect(checked.ok).toBe(true)
    if (!checked.ok)
      return
    expect(checked.practice).toMatchObject({
      id: 'pl-lublin-neighbourhood-mothers',
      slug: 'pl-lublin-neighbourhood-mothers',
      country: 'PL',
      city: 'Lublin',
      period: { text: '2019–2022', start: 2019, end: 2022, ongoing: false },
      topics: [],
      reviewerTopics: ['education'],
      language: 'en',
      updatedAt: '2026-11-23T10:00:00.000Z',
    })
  })

  it('writes a period text that reads back as the same period', () => {
    for (const over of [{ periodTo: '' }, { ongoing: true }, { periodTo: '2019' }, { periodTo: '2030' }]) {
      const period = draftPeriod(complete(over))
      expect(parsePeriod(period.text), JSON.stringify(over)).toEqual(period)
    }
  })

  it('puts each filled text under the template\'s heading, in the body format', () => {
    const body = draftBody(complete({ rationale: 'First paragraph\nsame paragraph.\n\nSecond one.', contactPerson: 'Ana Nowak', links: 'https://lublin.eu/mothers' }), HEADINGS)
    expect(splitSections(body)).toEqual([
      { heading: 'Purpose', paragraphs: ['Mothers who arrived years ago guide newly arrived families.'] },
      { heading: 'Stimulus/Rationale', paragraphs: ['First paragraph same paragraph.', 'Second one.'] },
      { heading: 'Process', paragraphs: [expect.stringContaining('Twelve mothers')] },
      { heading: 'Contact', paragraphs: ['Ana Nowak'] },
      { heading: 'Links', paragraphs: ['https://lublin.eu/mothers'] },
    ])
  })

  it('keeps hostile text as plain text and still validates', () => {
    const hostile = '<img src=x onerror=alert(1)> {{ 7*7 }} "\'; DROP TABLE --'
    const fields = complete({ title: hostile, city: hostile, purpose: hostile, process: hostile, contactPerson: hostile })
    const checked = checkPractice(draftToPractice(fields, '2026-11-23T10:00:00.000Z', HEADINGS))
    expect(checked.ok).toBe(true)
    if (checked.ok) {
      expect(checked.practice.title).toBe(hostile)
      expect(checked.practice.body).toContain(hostile)
      expect(checked.practice.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    }
  })

  it('summarises a long purpose within 300 characters, cut at a word', () => {
    const practice = draftToPractice(complete({ purpose: 'word '.repeat(200) }), '2026-11-23T10:00:00.000Z', HEADINGS)
    expect(practice.summary.length).toBeLessThanOrEqual(301)
    expect(practice.summary).toMatch(/word…$/)
  })
})
